import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { safeUrl } from "../learning/render-lesson-html";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText } from "./post-content";
import { zonedTimeToUtc } from "../sessions/half-day";

export const ZCreateEventInput = z.object({
  networkId: z.string().min(1).max(100),
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

/** A moderator schedules an online meeting of the network: a link and a time, in members' calendars. */
export async function createEvent(actor: TActor, input: z.input<typeof ZCreateEventInput>, now = new Date()) {
  const parsed = ZCreateEventInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const timeZone =
    (actor.institutionId
      ? (await db.institution.findUnique({ where: { id: actor.institutionId }, select: { timeZone: true } }))?.timeZone
      : null) ?? "Europe/Paris";
  const startsAt = toDate(parsed.data.startsAt, timeZone);
  const endsAt = toDate(parsed.data.endsAt, timeZone);
  if (!startsAt)
    throw invalidNetworkInput(new z.ZodError([{ code: "custom", path: ["startsAt"], message: "date", input: "" }]));
  if (!endsAt || endsAt <= startsAt)
    throw invalidNetworkInput(new z.ZodError([{ code: "custom", path: ["endsAt"], message: "date", input: "" }]));
  const data = { ...parsed.data, startsAt, endsAt };
  const context = await getNetworkContextOrThrow(actor, { id: data.networkId });
  assertModerator(context);
  const meetingUrl = safeUrl(data.meetingUrl, ["https:", "http:"]);
  if (!meetingUrl || meetingUrl.startsWith("/")) throw networkError("INVALID", "badUrl");
  if (data.startsAt < now) throw networkError("INVALID", "eventInPast");
  if (data.endsAt.getTime() - data.startsAt.getTime() > 24 * 3600 * 1000) throw networkError("INVALID", "eventTooLong");
  return db.$transaction(async (tx) => {
    const event = await tx.networkEvent.create({
      data: {
        networkId: data.networkId,
        title: data.title,
        description: data.description,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        meetingUrl,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.event.created",
        entityType: "NetworkEvent",
        entityId: event.id,
        institutionId: context.network.institutionId,
      },
    });
    return event;
  });
}
