// The server the Playwright suite runs against: its own embedded cluster and database
// (never the demo database), freshly migrated and seeded; a local OpenID provider; next start.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../lib/db/local-database";
import { recreateDatabase, migrateDatabase } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/create-client";
import { runDemoOpenDataPublication } from "../lib/demo/run-demo-open-data-publication";
import { seedDemoData } from "../lib/demo/seed-demo-data";
import { assertLocalDatabase } from "../testing/assert-local-database";
import { externalTestDatabaseUrl } from "../testing/test-database-url";
import { startOidcTestProvider, OIDC_TEST_CLIENT } from "../testing/oidc-test-provider";
import { startSmtpCapture } from "../testing/smtp-capture";
import { E2E } from "./e2e-settings";

const ROOT = path.resolve(import.meta.dirname, "..");
const handle = await resolveDatabase({
  cluster: E2E.cluster,
  database: "relais_e2e",
  preferredPort: E2E.pgPort,
  externalUrl: externalTestDatabaseUrl("e2e"),
});
assertLocalDatabase(handle.databaseUrl);
await recreateDatabase(handle.databaseUrl);
await migrateDatabase({ databaseUrl: handle.databaseUrl });
// The seed reads the configuration (e.g. the follow-up survey delay): give it the app's.
process.env.DATABASE_URL = handle.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "relais-e2e-secret-relais-e2e-secret";
const prisma = createPrismaClient(handle.databaseUrl, { poolSize: 2 });
await seedDemoData(prisma);
await prisma.$disconnect();
runDemoOpenDataPublication(handle.databaseUrl);

// E-mails go to a local capture server; specs read them from E2E.mailDir. Nothing here ever
// calls the delivery code: the app's own pg-boss workers, started with the server, send them.
rmSync(path.join(ROOT, E2E.mailDir), { recursive: true, force: true });
const smtp = await startSmtpCapture({ mailDir: path.join(ROOT, E2E.mailDir) });

const appUrl = `http://localhost:${E2E.appPort}`;
const oidc = await startOidcTestProvider({
  port: E2E.oidcPort,
  redirectUri: `${appUrl}/api/auth/callback/oidc`,
  institutionClaim: "institution",
});

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: handle.databaseUrl,
  RELAIS_MODE: "demo",
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: "relais-e2e-secret-relais-e2e-secret",
  OIDC_ISSUER: oidc.issuer,
  OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
  OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
  OIDC_DISPLAY_NAME: "IdP de test",
  RELAIS_DIST_DIR: E2E.distDir,
  SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  // Network digests every minute, so that the networks journey receives one (hourly by default).
  RELAIS_NETWORK_DIGEST_CRON: "* * * * *",
};
if (!existsSync(path.join(ROOT, E2E.distDir, "BUILD_ID"))) {
  const build = spawnSync("npx", ["--no-install", "next", "build"], { cwd: ROOT, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn("npx", ["--no-install", "next", "start", "-p", String(E2E.appPort)], {
  cwd: ROOT,
  stdio: "inherit",
  env,
});
const stop = async () => {
  server.kill("SIGTERM");
  await oidc.stop();
  await smtp.close();
  await handle.embedded?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
server.on("exit", (code) => void stop().then(() => process.exit(code ?? 0)));
