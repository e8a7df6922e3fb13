// Called by every path that loads the demo data (npm start's first run, npm run db:seed, the
// end-to-end server) right after seeding: publishing runs in a child process under the
// react-server condition, where the server-only modules it needs can be imported.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export function runDemoOpenDataPublication(databaseUrl: string): void {
  const result = spawnSync(
    "npx",
    ["--no-install", "tsx", "--conditions=react-server", "scripts/publish-demo-open-data.ts"],
    {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      // The configuration must parse (lib/env-schema.ts); the secret signs no session here.
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "relais-demo-seed-signs-nothing",
      },
    },
  );
  if (result.status !== 0) throw new Error("Publishing the demo open data failed (scripts/publish-demo-open-data.ts).");
}
