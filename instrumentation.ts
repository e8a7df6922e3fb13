// Runs once when a Next.js server starts: invalid configuration stops it with a readable message
// instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env-schema");
  parseEnv(process.env);
}
