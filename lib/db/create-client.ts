// Builds a Prisma client on @prisma/adapter-pg (no engine binary). The app uses the single
// instance in ./index.ts; scripts (seed, benchmarks) create their own with this function.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({
    adapter,
    // Secrets never leave the database layer unless a query asks for them explicitly.
    omit: { lrsClient: { secretHash: true } },
    // Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) expire ordinary
    // interactive transactions of a few statements on a busy machine: a need's decision failed so
    // while other work kept both cores busy. A bounded but realistic budget for every transaction;
    // bulk writes set their own (imports, rollups).
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

export type TPrismaClient = ReturnType<typeof createPrismaClient>;
export type TTransaction = Parameters<Parameters<TPrismaClient["$transaction"]>[0]>[0];
