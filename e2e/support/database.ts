import { resolveDatabase } from "../../lib/db/local-database";
import { createPrismaClient } from "../../lib/db/create-client";
import { externalTestDatabaseUrl } from "../../lib/testing/test-database-url";
import { E2E } from "../../scripts/e2e-settings";

/** A Prisma client on the database the end-to-end server runs on (disconnect it when done). */
export async function openE2eDatabase() {
  const handle = await resolveDatabase({
    cluster: E2E.cluster,
    database: "relais_e2e",
    preferredPort: E2E.pgPort,
    externalUrl: externalTestDatabaseUrl("e2e"),
  });
  return createPrismaClient(handle.databaseUrl, { poolSize: 1 });
}
