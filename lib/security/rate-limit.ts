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
 * What this replica knows of each bucket: the shared count last read from PostgreSQL in the
 * current window, plus its own hits still on their way there. Their sum never exceeds the shared
 * count once those hits land, so refusing on it is safe: a burst against a throttled key or
 * address is answered from memory, without queueing one upsert per request on the shared pool
 * (which made every page wait behind the burst).
 */
type TLocalBucket = {
  sharedCount: number;
  pending: number;
  /** The window's end as the database gave it: it identifies the window. */
  windowEndsAt: number;
  /** The same instant on this replica's clock, for expiry and Retry-After. */
  expiresAtMs: number;
};
const localBuckets = new Map<string, TLocalBucket>();
const MAX_LOCAL_BUCKETS = 10_000;

function liveLocalBucket(key: string, nowMs: number): TLocalBucket | undefined {
  const bucket = localBuckets.get(key);
  if (bucket && bucket.expiresAtMs <= nowMs && bucket.pending === 0) {
    localBuckets.delete(key);
    return undefined;
  }
  return bucket;
}

function reservePending(key: string, nowMs: number): TLocalBucket {
  let bucket = liveLocalBucket(key, nowMs);
  if (!bucket) {
    if (localBuckets.size >= MAX_LOCAL_BUCKETS)
      for (const [staleKey, stale] of localBuckets)
        if (stale.expiresAtMs <= nowMs && stale.pending === 0) localBuckets.delete(staleKey);
    bucket = { sharedCount: 0, pending: 0, windowEndsAt: 0, expiresAtMs: nowMs };
    localBuckets.set(key, bucket);
  }
  bucket.pending += 1;
  return bucket;
}

function learnSharedCount(bucket: TLocalBucket, row: { count: number; retryAfter: number; windowEndsAt: number }) {
  bucket.pending -= 1;
  if (row.windowEndsAt > bucket.windowEndsAt) {
    bucket.windowEndsAt = row.windowEndsAt;
    bucket.expiresAtMs = Date.now() + row.retryAfter * 1000;
    bucket.sharedCount = row.count;
  } else if (row.windowEndsAt === bucket.windowEndsAt) bucket.sharedCount = Math.max(bucket.sharedCount, row.count);
}

/** The wait, in seconds, when this replica already knows the subject has used its allowance; else null. */
export function knownRefusal(rule: TRateLimitRule, subject: string): number | null {
  const nowMs = Date.now();
  const bucket = liveLocalBucket(bucketKey(rule, subject), nowMs);
  if (!bucket || bucket.sharedCount + bucket.pending < rule.limit) return null;
  return Math.max(1, Math.ceil((bucket.expiresAtMs - nowMs) / 1000));
}

/**
 * Counts one event, atomically (one upsert: concurrent hits from several replicas never lose a
 * count); a window that has ended starts again at 1. A new row also sweeps a few expired ones,
 * so the table holds about the subjects active in the last window, without a purge job.
 * A hit this replica already knows to be over the allowance is refused without the database.
 */
export async function hitRateLimit(rule: TRateLimitRule, subject: string): Promise<TRateLimitState> {
  const key = bucketKey(rule, subject);
  const refusedFor = knownRefusal(rule, subject);
  if (refusedFor !== null)
    return { count: rule.limit + 1, isExhausted: true, isOver: true, retryAfterSeconds: refusedFor };
  const bucket = reservePending(key, Date.now());
  let rows: { count: number; retryAfter: number; windowEndsAt: number; isNew: boolean }[];
  try {
    rows = await db.$queryRaw<{ count: number; retryAfter: number; windowEndsAt: number; isNew: boolean }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt")
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= (now() AT TIME ZONE 'UTC') THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= (now() AT TIME ZONE 'UTC') THEN EXCLUDED."expiresAt"
                         ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count",
      CEIL(EXTRACT(EPOCH FROM ("expiresAt" - (now() AT TIME ZONE 'UTC'))))::int AS "retryAfter",
      (EXTRACT(EPOCH FROM "expiresAt") * 1000)::float8 AS "windowEndsAt",
      (xmax = 0) AS "isNew"`;
  } catch (error) {
    bucket.pending -= 1;
    throw error;
  }
  const row = rows[0];
  if (row) learnSharedCount(bucket, row);
  else bucket.pending -= 1;
  if (row?.isNew)
    await db.$executeRaw`
      DELETE FROM "RateLimitBucket" WHERE "key" IN (
        SELECT "key" FROM "RateLimitBucket" WHERE "expiresAt" < (now() AT TIME ZONE 'UTC') LIMIT 100)`;
  return toState(rule, row);
}

/** Gives back a hit that turned out legitimate (an attempt counted before it was known to succeed). */
export async function undoRateLimitHit(rule: TRateLimitRule, subject: string): Promise<void> {
  const bucket = localBuckets.get(bucketKey(rule, subject));
  if (bucket) bucket.sharedCount = Math.max(0, bucket.sharedCount - 1);
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
