// npm start — from a fresh clone: embedded PostgreSQL (unless DATABASE_URL is set), migrations,
// demo data on first run, production build when missing or stale, then Next.js on port 3000.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { resolveDatabase, describeConnectionError } from "../lib/db/local-database";
import { ensureDatabaseExists, migrateDatabase } from "../lib/db/migrate";
import { seedIfEmpty } from "../prisma/seed-if-empty";
import { APP_DATABASE } from "./app-database";
import { demoEnvironment } from "./demo-environment";
import { parseEnv } from "../lib/env-schema";
import { startSmtpCapture } from "../testing/smtp-capture";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".next", ".data", ".git", "tmp", "test-results", "generated", "tools"].includes(entry.name))
      continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  return newestSourceChange(ROOT) > statSync(buildId).mtimeMs;
}

const handle = await resolveDatabase({ ...APP_DATABASE, externalUrl: process.env.DATABASE_URL });
if (handle.embedded) {
  console.log(
    handle.embedded.isReused
      ? `Reusing the embedded PostgreSQL already running on port ${handle.embedded.port}.`
      : `Embedded PostgreSQL started on port ${handle.embedded.port} (data in .data/${APP_DATABASE.cluster}).`,
  );
}
try {
  await ensureDatabaseExists(handle.databaseUrl);
  const migrations = await migrateDatabase({ databaseUrl: handle.databaseUrl, log: (line) => console.log(line) });
  console.log(`Database ready (${migrations.applied.length} migrations applied).`);
} catch (error) {
  console.error(
    error instanceof Error && error.message.startsWith("Migration")
      ? error.message
      : describeConnectionError(error, handle.databaseUrl),
  );
  await handle.embedded?.stop();
  process.exit(1);
}

const appEnv: NodeJS.ProcessEnv = { ...process.env, ...demoEnvironment(port), DATABASE_URL: handle.databaseUrl };
try {
  parseEnv(appEnv);
} catch (error) {
  console.error((error as Error).message);
  await handle.embedded?.stop();
  process.exit(1);
}
if (appEnv.RELAIS_MODE === "demo") {
  // The seed runs in this process and reads the configuration (the upload folder, the public URL):
  // give it the app's, as the server will have it.
  Object.assign(process.env, appEnv);
  const seeded = await seedIfEmpty(handle.databaseUrl);
  if (seeded) console.log("Demo data loaded.");
}
// Demo without an SMTP server: e-mails are captured locally, one .eml file each, instead of
// being retried forever against a server that does not exist.
const mailCapture =
  appEnv.RELAIS_MODE === "demo" && !process.env.SMTP_URL
    ? await startSmtpCapture({ mailDir: path.join(ROOT, ".data/mail") })
    : null;
if (mailCapture) {
  appEnv.SMTP_URL = `smtp://127.0.0.1:${mailCapture.port}`;
  console.log("Demo e-mails are captured in .data/mail.");
}

if (needsBuild()) {
  console.log("Building the application (next build)…");
  const build = spawnSync("npx", ["--no-install", "next", "build"], { cwd: ROOT, stdio: "inherit", env: appEnv });
  if (build.status !== 0) {
    await handle.embedded?.stop();
    process.exit(build.status ?? 1);
  }
}

console.log(`Relais on http://localhost:${port}`);
const server = spawn("npx", ["--no-install", "next", "start", "-p", port], {
  cwd: ROOT,
  stdio: "inherit",
  env: appEnv,
});
const shutdown = async () => {
  server.kill("SIGTERM");
  await mailCapture?.close();
  await handle.embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
server.on("exit", (code) => {
  void handle.embedded?.stop().finally(() => process.exit(code ?? 0));
});
