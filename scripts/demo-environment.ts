// Defaults for running the demo locally. A real deployment sets these variables itself
// (RELAIS_MODE=production, a random NEXTAUTH_SECRET, its public NEXTAUTH_URL).
export function demoEnvironment(port: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (!process.env.RELAIS_MODE) env.RELAIS_MODE = "demo";
  if (!process.env.NEXTAUTH_URL) env.NEXTAUTH_URL = `http://localhost:${port}`;
  if (!process.env.NEXTAUTH_SECRET && (process.env.RELAIS_MODE ?? "demo") === "demo") {
    env.NEXTAUTH_SECRET = "relais-demo-secret-not-for-production";
  }
  return env;
}
