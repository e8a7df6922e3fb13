import "server-only";
// The LRS credentials of a cmi5 launch session (cmi5 §8.2: the auth-token the fetch URL hands
// out once). The token is HTTP Basic "cmi5-session-<session id>" with a random 256-bit secret, stored
// as its SHA-256 (random secrets need no slow hash). It works only while the session is open:
// after terminated or abandoned every request with it is refused (8.1.2.0-2).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { TLrsCredentials } from "./types";

export const CMI5_KEY_PREFIX = "cmi5-session-";

export function hashCmi5Secret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new secret and the auth-token (base64 of "key:secret", what the AU puts after "Basic "). */
export function createCmi5AuthToken(sessionId: string): { secret: string; authToken: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, authToken: Buffer.from(`${CMI5_KEY_PREFIX}${sessionId}:${secret}`).toString("base64") };
}

export async function authenticateCmi5Session(basic: { key: string; secret: string }): Promise<TLrsCredentials> {
  const sessionId = basic.key.slice(CMI5_KEY_PREFIX.length);
  const refused = new AppError("UNAUTHENTICATED", "Unknown, terminated or abandoned cmi5 session.");
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw refused;
  const session = await db.cmi5Session.findUnique({
    where: { id: sessionId.toLowerCase() },
    select: {
      id: true,
      authSecretHash: true,
      fetchedAt: true,
      terminatedAt: true,
      abandonedAt: true,
      registration: { select: { id: true, actorIfi: true, institutionId: true } },
    },
  });
  const expected = Buffer.from(session?.authSecretHash ?? "0".repeat(64), "hex");
  const given = Buffer.from(hashCmi5Secret(basic.secret), "hex");
  if (
    !session ||
    !timingSafeEqual(expected, given) ||
    !session.fetchedAt ||
    session.terminatedAt ||
    session.abandonedAt
  )
    throw refused;
  await db.cmi5Session.update({ where: { id: session.id }, data: { lastRequestAt: new Date() } });
  return {
    kind: "cmi5",
    sessionId: session.id,
    registration: session.registration.id,
    actorIfi: session.registration.actorIfi,
    institutionId: session.registration.institutionId,
  };
}
