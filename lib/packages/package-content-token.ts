import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { keyedError } from "../errors/localized-error";

/** Long enough for a module followed in one sitting; the player issues a new one at each launch. */
export const CONTENT_TOKEN_SECONDS = 8 * 3600;

/*
 * A package's files are served in a sandboxed frame whose documents have an opaque origin or the
 * package content origin (lib/security/package-content-origin.ts), never Relais's: the browser does
 * not send them the session cookie and scripts in them can never reach Relais's pages or API as the learner. The frame's URLs carry
 * instead this capability: which package, for whom, until when, signed with the server secret.
 * It is issued only after the course access check (lib/packages/get-package-launch.ts).
 */
function sign(payload: string): string {
  return createHmac("sha256", `package-content:${env().NEXTAUTH_SECRET}`).update(payload).digest("base64url");
}

/**
 * scoId: the SCO of the package this frame plays (tokens issued before multi-SCO support have none:
 * the first). origins: the package content origin the frame was given and the player's origin
 * that frames it (lib/security/package-content-origin.ts); asked on that content origin only, the
 * files keep their origin.
 */
export type TContentGrant = {
  packageId: string;
  userId: string;
  enrolmentId: string;
  activityKey: string;
  scoId?: string;
  origins?: { content: string; player: string };
};
/** A cmi5 AU's files, for one launch session (lib/packages/launch-cmi5-au.ts), whoever its actor. */
export type TCmi5ContentGrant = { packageId: string; cmi5SessionId: string };

export function issueContentToken(options: TContentGrant & { now?: Date }): string {
  const expires = Math.floor((options.now ?? new Date()).getTime() / 1000) + CONTENT_TOKEN_SECONDS;
  const payload = Buffer.from(
    JSON.stringify([
      options.packageId,
      options.userId,
      options.enrolmentId,
      options.activityKey,
      expires,
      ...(options.scoId || options.origins ? [options.scoId ?? null] : []),
      ...(options.origins ? [options.origins.content, options.origins.player] : []),
    ]),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function issueCmi5ContentToken(options: TCmi5ContentGrant & { now?: Date }): string {
  const expires = Math.floor((options.now ?? new Date()).getTime() / 1000) + CONTENT_TOKEN_SECONDS;
  const payload = Buffer.from(JSON.stringify(["cmi5", options.packageId, options.cmi5SessionId, expires])).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

export function verifyContentToken(token: string, now = new Date()): TContentGrant | TCmi5ContentGrant {
  const [payload, signature, ...rest] = token.split(".");
  const expected = payload ? sign(payload) : "";
  if (
    !payload ||
    !signature ||
    rest.length > 0 ||
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  )
    throw keyedError("NOT_FOUND", "errors.packages.notFound");
  const fields = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as (string | number)[];
  if (fields[0] === "cmi5") {
    const [, packageId, cmi5SessionId, expires] = fields as [string, string, string, number];
    if (!(expires * 1000 > now.getTime())) throw keyedError("FORBIDDEN", "errors.packages.linkExpired");
    return { packageId, cmi5SessionId };
  }
  const [packageId, userId, enrolmentId, activityKey, expires, scoId, contentOrigin, playerOrigin] = fields as [
    string,
    string,
    string,
    string,
    number,
    string | null | undefined,
    string | undefined,
    string | undefined,
  ];
  if (!(expires * 1000 > now.getTime())) throw keyedError("FORBIDDEN", "errors.packages.linkExpired");
  return {
    packageId,
    userId,
    enrolmentId,
    activityKey,
    ...(typeof scoId === "string" ? { scoId } : {}),
    ...(typeof contentOrigin === "string" && typeof playerOrigin === "string"
      ? { origins: { content: contentOrigin, player: playerOrigin } }
      : {}),
  };
}
