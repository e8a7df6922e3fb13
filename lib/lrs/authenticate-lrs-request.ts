import "server-only";
// The LRS's two ways in: HTTP Basic with an LRS client's key and secret, or the learner's Relais
// session cookie (the browser player). Revocation is read from the database on every request.
import { createHash } from "node:crypto";
import { getActor } from "../auth/actor";
import { verifySecret } from "../auth/secret-hash";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { TLrsCredentials } from "./types";

// scrypt costs tens of milliseconds of CPU by design; a verified (key, secret) pair is
// remembered against the stored hash, so a rotated secret or a new hash invalidates it at once.
const verified = new Map<string, string>();
const MAX_CACHED = 1000;

function isVerified(key: string, secret: string, secretHash: string): boolean {
  const cacheKey = `${key}\0${createHash("sha256").update(secret).digest("base64")}`;
  if (verified.get(cacheKey) === secretHash) return true;
  if (!verifySecret(secret, secretHash)) return false;
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

export async function authenticateLrsRequest(authorization: string | null): Promise<TLrsCredentials> {
  if (authorization) {
    const basic = parseBasic(authorization);
    if (!basic)
      throw new AppError(
        "UNAUTHENTICATED",
        "The Authorization header must use HTTP Basic with an LRS client's key and secret.",
      );
    const client = await db.lrsClient.findUnique({ where: { key: basic.key }, omit: { secretHash: false } });
    if (!client || client.revokedAt !== null || !isVerified(basic.key, basic.secret, client.secretHash)) {
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
