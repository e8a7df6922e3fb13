import { resolveDatabase } from "../../lib/db/local-database";
import { createPrismaClient } from "../../lib/db/create-client";
import { externalTestDatabaseUrl } from "../../testing/test-database-url";
import { E2E } from "../../scripts/e2e-settings";

export type TE2eDatabase = ReturnType<typeof createPrismaClient>;

/** A Prisma client on the database the end-to-end server runs on (disconnect it when done). */
export async function openE2eDatabase(poolSize = 1): Promise<TE2eDatabase> {
  const handle = await resolveDatabase({
    cluster: E2E.cluster,
    database: "relais_e2e",
    preferredPort: E2E.pgPort,
    externalUrl: externalTestDatabaseUrl("e2e"),
  });
  return createPrismaClient(handle.databaseUrl, { poolSize });
}

/** A Prisma client on the e2e server's database for the duration of `run` (specs' own rows). */
export async function withE2eDatabase<T>(run: (prisma: TE2eDatabase) => Promise<T>, poolSize = 1): Promise<T> {
  const prisma = await openE2eDatabase(poolSize);
  try {
    return await run(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
