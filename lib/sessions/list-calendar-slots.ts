import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import { can, sitesWhere, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { zonedTimeToUtc } from "./half-day";
import { DEFAULT_TIME_ZONE, timeZoneOf } from "../time/time-zone";

export const ZCalendarQuery = z.object({
  view: z.enum(["week", "month"]).default("week"),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** First and last day (UTC dates) of the week (Monday first) or month containing `from`. */
export function calendarRange(
  view: "week" | "month",
  from: string | undefined,
  today = new Date(),
): { start: Date; end: Date; previous: string; next: string } {
  const base = from
    ? new Date(`${from}T00:00:00Z`)
    : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (Number.isNaN(base.getTime()))
    throw localizedAppError("INVALID", "The calendar's start is not a valid date.", {
      messageKey: "errors.sessions.badCalendarDate",
      values: {},
    });
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  if (view === "week") {
    const start = new Date(base.getTime() - ((base.getUTCDay() + 6) % 7) * 86_400_000);
    const end = new Date(start.getTime() + 7 * 86_400_000);
    return { start, end, previous: iso(new Date(start.getTime() - 7 * 86_400_000)), next: iso(end) };
  }
  const start = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), 1));
  const end = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 1));
  return {
    start,
    end,
    previous: iso(new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() - 1, 1))),
    next: iso(end),
  };
}

/**
 * Which sites' half-days of a trainer the actor may see: all of them for the trainer themselves
 * (and national administrators), only their own sites' for coordinators; nobody else.
 */
function trainerCalendarSites(actor: TActor, trainerId: string): "all" | string[] {
  if (can(actor, "calendar.readTrainer", { userId: trainerId })) return "all";
  const sites = sitesWhere(actor, "calendar.readTrainer");
  if (sites !== "all" && sites.length === 0)
    throw new AppError("FORBIDDEN", "You cannot read this trainer's calendar.");
  return sites;
}

/** The zone the calendar is shown in (the site's, or the trainer's institution's) and the trainer's name for the heading. */
async function calendarOwner(options: {
  siteId?: string;
  trainerId?: string;
}): Promise<{ timeZone: string; trainerName: string | null }> {
  if (options.siteId) {
    const site = await db.relaySite.findUnique({
      where: { id: options.siteId },
      select: { institution: { select: { timeZone: true } } },
    });
    return { timeZone: timeZoneOf(site), trainerName: null };
  }
  if (!options.trainerId) return { timeZone: DEFAULT_TIME_ZONE, trainerName: null };
  const trainer = await db.user.findUnique({
    where: { id: options.trainerId },
    select: { name: true, institution: { select: { timeZone: true } } },
  });
  if (!trainer) throw new AppError("NOT_FOUND", "This trainer does not exist.");
  return { timeZone: timeZoneOf(trainer), trainerName: trainer.name };
}

/**
 * Slots of a site (anyone may read a site's public programme) or of a trainer (see
 * trainerCalendarSites), for the local days [start, end) — `start`/`end` as calendarRange gives
 * them — in the site's or the trainer's institution's time zone, which is returned for display.
 */
export async function listCalendarSlots(
  actor: TActor,
  options: { siteId?: string; trainerId?: string; start: Date; end: Date },
) {
  const sites = options.trainerId ? trainerCalendarSites(actor, options.trainerId) : "all";
  const { timeZone, trainerName } = await calendarOwner(options);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const slots = await db.sessionSlot.findMany({
    where: {
      startsAt: {
        gte: zonedTimeToUtc(day(options.start), "00:00", timeZone),
        lt: zonedTimeToUtc(day(options.end), "00:00", timeZone),
      },
      ...(options.trainerId ? { trainers: { some: { userId: options.trainerId } } } : {}),
      session: {
        AND: [options.siteId ? { siteId: options.siteId } : {}, sites === "all" ? {} : { siteId: { in: sites } }],
      },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      halfDay: true,
      room: { select: { name: true } },
      trainers: { select: { user: { select: { name: true } } } },
      session: {
        select: {
          id: true,
          status: true,
          courseVersion: { select: { title: true, titleEn: true } },
          site: { select: { name: true } },
        },
      },
    },
  });
  return { slots, timeZone, trainerName };
}
