import { describe, expect, it } from "vitest";
import { readCatalog, diffCatalogs } from "./schema-catalog";
import { renderSchemaSql } from "./render-schema-sql";
import { recreateDatabase } from "./migrate";
import pg from "pg";

async function databaseFromSchemaPrisma(baseUrl: string): Promise<string> {
  const url = new URL(baseUrl);
  url.pathname = "/relais_drift_reference";
  const referenceUrl = url.toString();
  await recreateDatabase(referenceUrl);
  const sql = renderSchemaSql({ databaseUrl: referenceUrl });
  const client = new pg.Client({ connectionString: referenceUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
  return referenceUrl;
}

describe("schema drift", () => {
  it("the migrated database matches prisma/schema.prisma exactly", async () => {
    const migratedUrl = process.env.DATABASE_URL!;
    const referenceUrl = await databaseFromSchemaPrisma(migratedUrl);
    const differences = diffCatalogs(await readCatalog(referenceUrl), await readCatalog(migratedUrl));
    expect(
      differences,
      "schema.prisma and prisma/migrations disagree: add a migration (npm run db:diff, CONTRIBUTING.md)",
    ).toEqual([]);
  }, 120_000);

  it("detects a difference (the comparison can fail)", () => {
    const reference = { columns: ["User.email text NOT NULL default=-"], enums: [], constraints: [], indexes: [] };
    const drifted = { columns: ["User.email text NULL default=-"], enums: [], constraints: [], indexes: [] };
    expect(diffCatalogs(reference, drifted)).toHaveLength(2);
  });
});
