import { describe, expect, it } from "vitest";
import pg from "pg";
import { listMigrations, migrateDatabase, recreateDatabase } from "./migrate";
import { describeConnectionError } from "./local-database";

function siblingDatabase(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function appliedRows(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (
      await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
      )
    ).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once, in order, with Prisma's checksums, even when started concurrently", async () => {
    const databaseUrl = siblingDatabase("relais_migrate_concurrent");
    await recreateDatabase(databaseUrl);
    const results = await Promise.all([
      migrateDatabase({ databaseUrl }),
      migrateDatabase({ databaseUrl }),
      migrateDatabase({ databaseUrl }),
    ]);
    const migrations = listMigrations();
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 0, migrations.length]);
    expect(await appliedRows(databaseUrl)).toEqual(
      migrations.map((migration) => ({ migration_name: migration.name, checksum: migration.checksum })),
    );
    expect((await migrateDatabase({ databaseUrl })).applied).toEqual([]);
  });

  it("refuses to continue when an applied migration was edited afterwards", async () => {
    const databaseUrl = siblingDatabase("relais_migrate_tampered");
    await recreateDatabase(databaseUrl);
    await migrateDatabase({ databaseUrl });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = $1`, [
      listMigrations()[0]!.name,
    ]);
    await client.end();
    await expect(migrateDatabase({ databaseUrl })).rejects.toThrow(/was changed after it was applied/);
  });

  it("describes an unreachable database in one line", async () => {
    const url = "postgresql://u:p@127.0.0.1:1/relais";
    const error = await new pg.Client({ connectionString: url }).connect().catch((caught: unknown) => caught);
    expect(describeConnectionError(error, url)).toBe(
      "Cannot reach the database at 127.0.0.1:1/relais: connection refused (is PostgreSQL running?).",
    );
  });
});
