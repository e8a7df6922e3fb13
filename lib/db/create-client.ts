// Builds a Prisma client on @prisma/adapter-pg (no engine binary). The app uses the single
// instance in ./index.ts; scripts (seed, benchmarks) create their own with this function.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // Secrets never leave the database layer unless a query asks for them explicitly.
  return new PrismaClient({ adapter, omit: { lrsClient: { secretHash: true } } });
}

export type TPrismaClient = ReturnType<typeof createPrismaClient>;
export type TTransaction = Parameters<Parameters<TPrismaClient["$transaction"]>[0]>[0];
