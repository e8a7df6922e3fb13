import "server-only";
import type { TTransaction } from "../db";
import { networkError } from "./network-errors";

export type TRateWindow = { max: number; seconds: number };

/** Posting limits: a burst, then an hourly ceiling (a person typing fast stays far below both). */
export const POST_RATE_LIMITS: readonly TRateWindow[] = [
  { max: 5, seconds: 60 },
  { max: 60, seconds: 3600 },
];

/**
 * A rate limit counted in PostgreSQL, so that every web replica shares it (DESIGN.md §2): inside
 * the caller's transaction, under a per-person advisory lock (two concurrent posts are counted
 * one after the other), the person's events of the longest window are counted; over a limit the
 * write is refused (TOO_MANY_REQUESTS, nothing written), else one event is recorded with it.
 * A small table-backed limiter owned by the networks area: no shared limiter was on main yet.
 */
export async function consumeRateLimit(
  tx: TTransaction,
  options: { userId: string; action: string; limits?: readonly TRateWindow[]; now?: Date },
): Promise<void> {
  const limits = options.limits ?? POST_RATE_LIMITS;
  const now = options.now ?? new Date();
  const key = `network-rate:${options.action}:${options.userId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  const longest = Math.max(...limits.map((limit) => limit.seconds));
  const events = await tx.networkRateEvent.findMany({
    where: {
      userId: options.userId,
      action: options.action,
      createdAt: { gt: new Date(now.getTime() - longest * 1000), lte: now },
    },
    select: { createdAt: true },
  });
  for (const limit of limits) {
    const since = now.getTime() - limit.seconds * 1000;
    if (events.filter((event) => event.createdAt.getTime() > since).length >= limit.max)
      throw networkError("TOO_MANY_REQUESTS", "rateLimited", { minutes: Math.ceil(limit.seconds / 60) });
  }
  await tx.networkRateEvent.create({ data: { userId: options.userId, action: options.action, createdAt: now } });
}

/** Events older than the longest window count for nothing: deleted by the digest job. */
export async function purgeRateEvents(tx: Pick<TTransaction, "networkRateEvent">, now = new Date()): Promise<number> {
  const longest = Math.max(...POST_RATE_LIMITS.map((limit) => limit.seconds));
  const { count } = await tx.networkRateEvent.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - longest * 1000) } },
  });
  return count;
}
