import "server-only";
import { env } from "../env";
import { createPrismaClient, type TPrismaClient } from "./create-client";

export * from "./generated/client";
export type { TPrismaClient, TTransaction } from "./create-client";

const globalForPrisma = globalThis as unknown as { relaisPrisma?: TPrismaClient };

function getClient(): TPrismaClient {
  // Created on first use, not at import: `next build` imports every page without a database.
  globalForPrisma.relaisPrisma ??= createPrismaClient(env().DATABASE_URL, { poolSize: env().RELAIS_DB_POOL_SIZE });
  return globalForPrisma.relaisPrisma;
}

/** The one Prisma client of the process (kept on globalThis so dev reloads and tests reuse it). */
export const db: TPrismaClient = new Proxy({} as TPrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
