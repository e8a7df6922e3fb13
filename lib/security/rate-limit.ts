import "server-only";
import { db } from "../db";

/**
 * A throttle: at most `limit` counted events per subject in a fixed window of `windowSeconds`.
 * Counters live in PostgreSQL (table RateLimitBucket), so every replica behind the load balancer
 * shares them; a process-local counter would let an attacker spread attempts
 * over the replicas. Time is the database's clock, never a replica's.
 */
export type TRateLimitRule = { name: string; limit: number; windowSeconds: number };

export type TRateLimitState = {
  /** Events counted in the current window (after this hit for `hitRateLimit`). */
  count: number;
  /** True once the subject has used its allowance: the next attempt must be refused. */
  isExhausted: boolean;
  /** True when this hit went beyond the allowance: the attempt it counted must be refused. */
  isOver: boolean;
  /** Seconds until the window ends (what Retry-After says); 0 when nothing is counted. */
  retryAfterSeconds: number;
};

// Subjects are e-mails, keys, addresses: bounded so a hostile value cannot bloat the table.
function bucketKey(rule: TRateLimitRule, subject: string): string {
  return `${rule.name}:${subject.slice(0, 200)}`;
}

function toState(rule: TRateLimitRule, row: { count: number; retryAfter: number } | undefined): TRateLimitState {
  if (!row) return { count: 0, isExhausted: false, isOver: false, retryAfterSeconds: 0 };
  return {
    count: row.count,
    isExhausted: row.count >= rule.limit,
    isOver: row.count > rule.limit,
    retryAfterSeconds: Math.max(1, row.retryAfter),
  };
}

/**
 * Counts one event, atomically (one upsert: concurrent hits from several replicas never lose a
 * count); a window that has ended starts again at 1. A new row also sweeps a few expired ones,
 * so the table holds about the subjects active in the last window, without a purge job.
 */
export async function hitRateLimit(rule: TRateLimitRule, subject: string): Promise<TRateLimitState> {
  const key = bucketKey(rule, subject);
  const rows = await db.$queryRaw<{ count: number; retryAfter: number; isNew: boolean }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt")
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= (now() AT TIME ZONE 'UTC') THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED."expiresAt"
                         ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count",
      CEIL(EXTRACT(EPOCH FROM ("expiresAt" - (now() AT TIME ZONE 'UTC'))))::int AS "retryAfter",
      (xmax = 0) AS "isNew"`;
  const row = rows[0];
  if (row?.isNew)
    await db.$executeRaw`
      DELETE FROM "RateLimitBucket" WHERE "key" IN (
        SELECT "key" FROM "RateLimitBucket" WHERE "expiresAt" < (now() AT TIME ZONE 'UTC') LIMIT 100)`;
  return toState(rule, row);
}

/** Gives back a hit that turned out legitimate (an attempt counted before it was known to succeed). */
export async function undoRateLimitHit(rule: TRateLimitRule, subject: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = "count" - 1
    WHERE "key" = ${bucketKey(rule, subject)} AND "count" > 0`;
}

/** The subject's count in the current window, without counting anything. */
export async function peekRateLimit(rule: TRateLimitRule, subject: string): Promise<TRateLimitState> {
  const rows = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
    SELECT "count", CEIL(EXTRACT(EPOCH FROM ("expiresAt" - (now() AT TIME ZONE 'UTC'))))::int AS "retryAfter"
    FROM "RateLimitBucket"
    WHERE "key" = ${bucketKey(rule, subject)} AND "expiresAt" > (now() AT TIME ZONE 'UTC')`;
  return toState(rule, rows[0]);
}

/** The longest wait among the states matching `isRefused`, or null when none does. */
export function longestRetryAfter(
  states: TRateLimitState[],
  isRefused: (state: TRateLimitState) => boolean,
): number | null {
  const refused = states.filter(isRefused);
  return refused.length === 0 ? null : Math.max(...refused.map((state) => state.retryAfterSeconds));
}
