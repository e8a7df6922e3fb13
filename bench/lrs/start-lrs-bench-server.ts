// The server the LRS benchmark measures, on its own embedded cluster (.data/pg-bench-lrs) that
// no test ever recreates: the prefilled statements (hours of inserts at 10 M) survive between
// runs. The database is seeded with the demo data once (the demo LRS client demo/demo-secret),
// migrated on every start, and served by `next start` from a production build in .next-bench.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDatabase } from "../../lib/db/local-database";
import { ensureDatabaseExists, migrateDatabase } from "../../lib/db/migrate";
import { createPrismaClient } from "../../lib/db/create-client";
import { seedDemoData } from "../../lib/demo/seed-demo-data";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST_DIR = ".next-bench";

export type TLrsBenchServer = { baseUrl: string; databaseUrl: string; stop: () => Promise<void> };

async function hasDemoClient(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM "LrsClient" WHERE key = 'demo'`);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function waitUntilAnswering(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}

export async function startLrsBenchServer(options: { appPort: number; pgPort: number }): Promise<TLrsBenchServer> {
  const handle = await resolveDatabase({
    cluster: "pg-bench-lrs",
    database: "relais_bench_lrs",
    preferredPort: options.pgPort,
  });
  await ensureDatabaseExists(handle.databaseUrl);
  await migrateDatabase({ databaseUrl: handle.databaseUrl });
  if (!(await hasDemoClient(handle.databaseUrl))) {
    process.env.DATABASE_URL = handle.databaseUrl;
    const prisma = createPrismaClient(handle.databaseUrl, { poolSize: 2 });
    await seedDemoData(prisma);
    await prisma.$disconnect();
  }

  const baseUrl = `http://localhost:${options.appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: handle.databaseUrl,
    RELAIS_MODE: "demo",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "relais-bench-secret-relais-bench-secret",
    RELAIS_DIST_DIR: DIST_DIR,
    NODE_ENV: "production",
  };
  if (!existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    const build = spawnSync("npx", ["--no-install", "next", "build"], { cwd: ROOT, stdio: "inherit", env });
    if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  }
  // Its own process group: npx starts next-server as a child, and stop() must end both.
  const server = spawn("npx", ["--no-install", "next", "start", "-p", String(options.appPort)], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env,
    detached: true,
  });
  await waitUntilAnswering(`${baseUrl}/api/xapi/about`, server);
  return {
    baseUrl,
    databaseUrl: handle.databaseUrl,
    stop: async () => {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid!, "SIGTERM");
      await exited;
      await handle.embedded?.stop();
    },
  };
}
