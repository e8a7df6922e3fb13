import "server-only";
import { env } from "../env";
import { createPrismaClient, type TPrismaClient } from "./create-client";

export * from "./generated/client";
export type { TPrismaClient, TTransaction } from "./create-client";

const globalForPrisma = globalThis as unknown as { relaisPrisma?: TPrismaClient };

/** The one Prisma client of the process (cached on globalThis so dev reloads reuse it). */
export const db: TPrismaClient = globalForPrisma.relaisPrisma ?? createPrismaClient(env().DATABASE_URL);
if (process.env.NODE_ENV !== "production") globalForPrisma.relaisPrisma = db;
