import "server-only";
// The LRS's two ways in: HTTP Basic with an LRS client's key and secret, or the learner's Relais
// session cookie (the browser player). Revocation is read from the database on every request.
import { createHash } from "node:crypto";
import { getActor } from "../auth/actor";
import { verifySecret } from "../auth/secret-hash";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import {
  hitRateLimit,
  knownRefusal,
  longestRetryAfter,
  undoRateLimitHit,
  type TRateLimitRule,
} from "../security/rate-limit";
import type { TLrsCredentials } from "./types";
import { authenticateCmi5Session, CMI5_KEY_PREFIX } from "./cmi5-session-credentials";

// scrypt costs tens of milliseconds of CPU by design; a verified (key, secret) pair is
// remembered against the stored hash, so a rotated secret or a new hash invalidates it at once.
const verified = new Map<string, string>();
const MAX_CACHED = 1000;

/**
 * Basic authentications are throttled in PostgreSQL, for every replica: per key (keys are public:
 * they appear in every statement's authority) and per client address (one address trying many
 * keys). Each attempt that needs scrypt is counted first, atomically, and given back once it
 * succeeds, so concurrent guesses cannot all slip under the limit; beyond it, 429 before any
 * scrypt runs. A pair this replica already verified skips the throttle: the real client keeps
 * working while someone hammers its public key.
 */
export const LRS_FAILURES_PER_KEY: TRateLimitRule = { name: "lrs-key", limit: 10, windowSeconds: 300 };
export const LRS_FAILURES_PER_ADDRESS: TRateLimitRule = { name: "lrs-address", limit: 30, windowSeconds: 300 };

const tooManyFailures = (retryAfterSeconds: number) =>
  new AppError("TOO_MANY_REQUESTS", "Too many failed authentications. Try again later.", { retryAfterSeconds });

const verifiedPairKey = (key: string, secret: string) =>
  `${key}\0${createHash("sha256").update(secret).digest("base64")}`;

/**
 * A key or address this replica already knows to be throttled is refused before any query, so a
 * burst of guesses costs no database round trip; a pair verified here before still goes on.
 */
function refuseKnownThrottled(options: { key: string; secret: string; clientAddress: string }) {
  if (verified.has(verifiedPairKey(options.key, options.secret))) return;
  const waits = [
    knownRefusal(LRS_FAILURES_PER_KEY, options.key),
    knownRefusal(LRS_FAILURES_PER_ADDRESS, options.clientAddress),
  ];
  const retryAfterSeconds = Math.max(...waits.map((wait) => wait ?? 0));
  if (retryAfterSeconds > 0) throw tooManyFailures(retryAfterSeconds);
}

async function verifyThrottled(options: {
  key: string;
  secret: string;
  secretHash: string;
  clientAddress: string;
}): Promise<boolean> {
  const { key, secret, secretHash, clientAddress } = options;
  const cacheKey = verifiedPairKey(key, secret);
  if (verified.get(cacheKey) === secretHash) return true;
  const states = await Promise.all([
    hitRateLimit(LRS_FAILURES_PER_KEY, key),
    hitRateLimit(LRS_FAILURES_PER_ADDRESS, clientAddress),
  ]);
  const retryAfterSeconds = longestRetryAfter(states, (state) => state.isOver);
  if (retryAfterSeconds !== null) throw tooManyFailures(retryAfterSeconds);
  if (!(await verifySecret(secret, secretHash))) return false;
  await Promise.all([
    undoRateLimitHit(LRS_FAILURES_PER_KEY, key),
    undoRateLimitHit(LRS_FAILURES_PER_ADDRESS, clientAddress),
  ]);
  if (verified.size >= MAX_CACHED) verified.clear();
  verified.set(cacheKey, secretHash);
  return true;
}

function parseBasic(header: string): { key: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export async function authenticateLrsRequest(options: {
  authorization: string | null;
  clientAddress: string;
}): Promise<TLrsCredentials> {
  const { authorization, clientAddress } = options;
  if (authorization) {
    const basic = parseBasic(authorization);
    if (!basic)
      throw new AppError(
        "UNAUTHENTICATED",
        "The Authorization header must use HTTP Basic with an LRS client's key and secret.",
      );
    // A cmi5 AU's launch token: a random, single-session credential, checked on its own table.
    if (basic.key.startsWith(CMI5_KEY_PREFIX)) return authenticateCmi5Session(basic);
    refuseKnownThrottled({ ...basic, clientAddress });
    const client = await db.lrsClient.findUnique({ where: { key: basic.key }, omit: { secretHash: false } });
    // An unknown or revoked key is a failure like a wrong secret: counted, so keys cannot be probed freely.
    const secretHash = client && client.revokedAt === null ? client.secretHash : "none";
    const isVerified = await verifyThrottled({ ...basic, secretHash, clientAddress });
    if (!client || client.revokedAt !== null || !isVerified) {
      throw new AppError("UNAUTHENTICATED", "Unknown or revoked LRS credentials.");
    }
    return {
      kind: "client",
      clientId: client.id,
      key: client.key,
      name: client.name,
      institutionId: client.institutionId,
      canRead: client.canRead,
      canWrite: client.canWrite,
    };
  }
  const actor = await getActor();
  if (!actor)
    throw new AppError("UNAUTHENTICATED", "Send HTTP Basic credentials of an LRS client, or sign in to Relais.");
  return { kind: "learner", userId: actor.userId, name: actor.name, institutionId: actor.institutionId };
}
