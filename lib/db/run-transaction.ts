import "server-only";
import type { TTransaction } from "./create-client";
import { db } from "./index";

/**
 * Prisma error codes worth a retry: P2028 (no connection within maxWait, or the transaction
 * expired), P2034 (write conflict or deadlock); and PostgreSQL's own serialization failure
 * (40001) and deadlock (40P01) as the pg adapter reports them.
 */
const RETRYABLE_PRISMA_CODES = new Set(["P2028", "P2034"]);
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);

export function isRetryableTransactionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause, meta } = error as { code?: unknown; cause?: unknown; meta?: { code?: unknown } };
  if (typeof code === "string" && (RETRYABLE_PRISMA_CODES.has(code) || RETRYABLE_SQLSTATES.has(code))) return true;
  if (typeof meta?.code === "string" && RETRYABLE_SQLSTATES.has(meta.code)) return true;
  const message = error instanceof Error ? error.message : "";
  if (
    /Unable to start a transaction in the given time|expired transaction|could not serialize access|deadlock detected/i.test(
      message,
    )
  )
    return true;
  return cause !== undefined && cause !== error && isRetryableTransactionError(cause);
}

export type TRunTransactionOptions = {
  /** Longest wait for a pooled connection (ms): a burst of requests queues instead of failing. */
  maxWait?: number;
  /** Longest life of the transaction (ms) once started. */
  timeout?: number;
  /** Attempts in all, the first included. */
  attempts?: number;
};

/**
 * An interactive transaction where a person waits for the answer (a registration, a roll call):
 * explicit limits instead of Prisma's defaults (2 s to get a connection, 5 s to run, which a
 * burst or a busy machine exceeds) and bounded retries of the failures that only mean "try
 * again" — nothing was committed, so running the whole function again is safe.
 */
export async function runTransaction<T>(
  work: (tx: TTransaction) => Promise<T>,
  options: TRunTransactionOptions = {},
): Promise<T> {
  const { maxWait = 15_000, timeout = 20_000, attempts = 4 } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait, timeout });
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      // Jittered back-off: concurrent losers do not all come back at the same instant.
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt + Math.random() * 50));
    }
  }
}
