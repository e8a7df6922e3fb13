// Applies prisma/migrations in order, each in its own transaction, under an advisory lock so
// that concurrent starts (several replicas, or tests) never apply a migration twice. Rows go
// to Prisma's own `_prisma_migrations` table with Prisma's checksum (sha256 of migration.sql),
// so `prisma migrate deploy` and this runner agree on what has been applied (CONTRIBUTING.md, "Set up").
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
/** Arbitrary but fixed: every Relais process contends on the same lock. */
const ADVISORY_LOCK_KEY = 726_561_697;

const CREATE_PRISMA_MIGRATIONS = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type TMigration = { name: string; sql: string; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): TMigration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export type TMigrateResult = { applied: string[]; alreadyApplied: number };

export async function migrateDatabase(options: {
  databaseUrl: string;
  log?: (line: string) => void;
}): Promise<TMigrateResult> {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_PRISMA_MIGRATIONS);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const migration of listMigrations()) {
      const previousChecksum = appliedChecksums.get(migration.name);
      if (previousChecksum !== undefined) {
        if (previousChecksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied (checksum differs). Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      log(`applying ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: appliedChecksums.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Runs `work` on the server's maintenance database, with the name of the database the URL designates. */
async function withMaintenanceClient(
  databaseUrl: string,
  work: (client: pg.Client, database: string) => Promise<void>,
): Promise<void> {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client, database);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist (embedded server, tests). */
export function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  return withMaintenanceClient(databaseUrl, async (client, database) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  });
}

/** Drops and creates the database named in the URL (tests only: they start from an empty schema). */
export function recreateDatabase(databaseUrl: string): Promise<void> {
  return withMaintenanceClient(databaseUrl, async (client, database) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  });
}
