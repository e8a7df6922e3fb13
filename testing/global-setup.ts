// Vitest global setup: a fresh, migrated test database on the embedded PostgreSQL (or on
// TEST_DATABASE_URL), never the demo data. Refuses any non-local server.
import type { TestProject } from "vitest/node";
import { resolveDatabase } from "../lib/db/local-database";
import { recreateDatabase, migrateDatabase } from "../lib/db/migrate";
import { assertLocalDatabase } from "./assert-local-database";
import { externalTestDatabaseUrl } from "./test-database-url";

export default async function setup(project: TestProject) {
  const handle = await resolveDatabase({
    // Separate clusters let several checkouts or helpers run tests at once.
    cluster: process.env.RELAIS_TEST_CLUSTER ?? "pg-test",
    database: "relais_test",
    preferredPort: Number(process.env.RELAIS_TEST_PG_PORT ?? 54330),
    externalUrl: externalTestDatabaseUrl("test"),
  });
  assertLocalDatabase(handle.databaseUrl);
  await recreateDatabase(handle.databaseUrl);
  await migrateDatabase({ databaseUrl: handle.databaseUrl });
  project.provide("databaseUrl", handle.databaseUrl);
  process.env.DATABASE_URL = handle.databaseUrl;
  return async () => {
    await handle.embedded?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
