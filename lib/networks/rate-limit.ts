import "server-only";
import { hitRateLimit, longestRetryAfter, type TRateLimitRule } from "../security/rate-limit";
import { networkError } from "./network-errors";

/** Posting limits: a burst, then an hourly ceiling (a person typing fast stays far below both). */
export const POST_RATE_LIMITS: readonly TRateLimitRule[] = [
  { name: "network-post-minute", limit: 5, windowSeconds: 60 },
  { name: "network-post-hour", limit: 60, windowSeconds: 3600 },
];

/**
 * Counts a posting attempt with the platform's PostgreSQL rate limiter (lib/security/rate-limit.ts,
 * shared by every web replica) and refuses it (TOO_MANY_REQUESTS, nothing written) beyond either
 * limit. Called by writePost before it writes anything; an attempt refused later (locked thread)
 * still counts, as attempts do.
 */
export async function assertPostingAllowed(userId: string): Promise<void> {
  const states = await Promise.all(POST_RATE_LIMITS.map((rule) => hitRateLimit(rule, userId)));
  const wait = longestRetryAfter(states, (state) => state.isOver);
  if (wait !== null)
    throw networkError("TOO_MANY_REQUESTS", "rateLimited", { minutes: Math.max(1, Math.ceil(wait / 60)) });
}
