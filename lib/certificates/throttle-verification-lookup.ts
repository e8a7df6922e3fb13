import "server-only";
import { hitRateLimit, type TRateLimitRule } from "../security/rate-limit";

/**
 * Public verification lookups (/verify and /verify/<code>), counted per client address in
 * PostgreSQL for every replica. Codes carry 80 bits, so guessing is hopeless anyway; the limit
 * stops anyone scraping or enumerating the register through a replica they happen to reach.
 */
export const VERIFICATION_LOOKUPS_PER_ADDRESS: TRateLimitRule = {
  name: "verify-address",
  limit: 30,
  windowSeconds: 600,
};

/** Counts one lookup; the seconds to wait when the address has used its allowance, else null. */
export async function throttleVerificationLookup(clientAddress: string): Promise<number | null> {
  const state = await hitRateLimit(VERIFICATION_LOOKUPS_PER_ADDRESS, clientAddress);
  return state.isOver ? state.retryAfterSeconds : null;
}
