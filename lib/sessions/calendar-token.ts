import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** The configuration requires NEXTAUTH_SECRET (lib/env-schema.ts): every deployment can sign feed URLs. */
function secret(): string {
  return env().NEXTAUTH_SECRET;
}

/**
 * A personal iCal feed URL token: calendar apps cannot sign in, so the URL itself is the
 * credential (userId + HMAC). Rotating NEXTAUTH_SECRET revokes every feed URL.
 */
export function calendarToken(userId: string): string {
  const mac = createHmac("sha256", secret()).update(`ical:${userId}`).digest("base64url").slice(0, 32);
  return `${userId}.${mac}`;
}

/** The user id a token was made for, or null when it was not made by this deployment. */
export function userIdFromCalendarToken(token: string): string | null {
  const [userId, mac] = token.replace(/\.ics$/, "").split(".");
  if (!userId || !mac) return null;
  const expected = Buffer.from(calendarToken(userId));
  const given = Buffer.from(`${userId}.${mac}`);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}
