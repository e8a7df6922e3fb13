import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { safeUrl } from "../learning/render-lesson-html";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText } from "./post-content";
import { zonedTimeToUtc } from "../sessions/half-day";

/** A meeting's columns as pages and calendars read them. */
export const EVENT_FIELDS_SELECT = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  meetingUrl: true,
  cancelledAt: true,
} as const;

/** A meeting's fields, as a moderator writes them (creating or changing it). */
export const ZEventFields = z.object({
  title: z.string().transform(cleanText).pipe(z.string().trim().min(3).max(200)),
  description: z.string().transform(cleanText).pipe(z.string().trim().max(2000)).default(""),
  /** A date, or a form's local "YYYY-MM-DDTHH:MM" read in the moderator's institution's time zone. */
  startsAt: z.union([z.date(), z.string().max(40)]),
  endsAt: z.union([z.date(), z.string().max(40)]),
  meetingUrl: z.string().trim().min(1).max(2048),
});

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

function toDate(value: Date | string, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const local = LOCAL.exec(value);
  try {
    const date = local ? zonedTimeToUtc(local[1]!, local[2]!, timeZone) : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  } catch {
    return null; // "2026-13-45T10:00": not a date
  }
}

/** The time zone in which the actor's forms read and show meeting times: their institution's. */
export async function eventTimeZoneOf(actor: TActor): Promise<string> {
  return (
    (actor.institutionId
      ? (await db.institution.findUnique({ where: { id: actor.institutionId }, select: { timeZone: true } }))?.timeZone
      : null) ?? "Europe/Paris"
  );
}

/** A date as a datetime-local field shows it ("YYYY-MM-DDTHH:MM") in that zone. */
export function toLocalInput(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Checks a meeting's fields: times read in the actor's institution's zone, the end after the start,
 * in the future, at most 24 hours, an http(s) link.
 */
export async function checkEventFields(actor: TActor, fields: z.output<typeof ZEventFields>, now: Date) {
  const timeZone = await eventTimeZoneOf(actor);
  const startsAt = toDate(fields.startsAt, timeZone);
  const endsAt = toDate(fields.endsAt, timeZone);
  if (!startsAt)
    throw invalidNetworkInput(new z.ZodError([{ code: "custom", path: ["startsAt"], message: "date", input: "" }]));
  if (!endsAt || endsAt <= startsAt)
    throw invalidNetworkInput(new z.ZodError([{ code: "custom", path: ["endsAt"], message: "date", input: "" }]));
  const meetingUrl = safeUrl(fields.meetingUrl, ["https:", "http:"]);
  if (!meetingUrl || meetingUrl.startsWith("/")) throw networkError("INVALID", "badUrl");
  if (startsAt < now) throw networkError("INVALID", "eventInPast");
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3600 * 1000) throw networkError("INVALID", "eventTooLong");
  return { title: fields.title, description: fields.description, startsAt, endsAt, meetingUrl };
}
