import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { createCmi5AuthToken, hashCmi5Secret } from "../lrs/cmi5-session-credentials";

/** cmi5 §8.2.3 error codes: 1 already used, 2 expired, 3 general error. */
export type TCmi5FetchAnswer = { "auth-token": string } | { "error-code": "1" | "2" | "3"; "error-text": string };

/** The fetch URL works for this long after the launch (the AU fetches at once). */
const FETCH_WINDOW_MS = 60 * 60 * 1000;

/**
 * The AU's POST to its fetch URL (cmi5 §8.2): the auth-token for the LRS, once. The first POST
 * claims the session atomically (two concurrent POSTs cannot both get a token); any later one
 * answers error-code 1, still with 200 and JSON as the spec requires (8.2.3.0-1).
 */
export async function fetchCmi5AuthToken(fetchToken: string, now = new Date()): Promise<TCmi5FetchAnswer> {
  const session = await db.cmi5Session.findUnique({
    where: { fetchTokenHash: createHash("sha256").update(fetchToken).digest("hex") },
    select: { id: true, fetchedAt: true, abandonedAt: true, terminatedAt: true, createdAt: true },
  });
  if (!session) return { "error-code": "3", "error-text": "Unknown fetch URL." };
  if (session.fetchedAt) return { "error-code": "1", "error-text": "The auth-token was already fetched." };
  if (session.abandonedAt || session.terminatedAt || now.getTime() - session.createdAt.getTime() > FETCH_WINDOW_MS)
    return { "error-code": "2", "error-text": "This launch has expired." };
  const { secret, authToken } = createCmi5AuthToken(session.id);
  const claimed = await db.cmi5Session.updateMany({
    where: { id: session.id, fetchedAt: null },
    data: { fetchedAt: now, authSecretHash: hashCmi5Secret(secret), lastRequestAt: now },
  });
  if (claimed.count === 0) return { "error-code": "1", "error-text": "The auth-token was already fetched." };
  return { "auth-token": authToken };
}
