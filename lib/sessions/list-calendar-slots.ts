import "server-only";
import { z } from "zod";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";

export const ZCalendarQuery = z.object({
  view: z.enum(["week", "month"]).default("week"),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

/** First and last day (UTC dates) of the week (Monday first) or month containing `from`. */
export function calendarRange(view: "week" | "month", from: string | undefined, today = new Date()): { start: Date; end: Date; previous: string; next: string } {
  const base = from ? new Date(`${from}T00:00:00Z`) : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (Number.isNaN(base.getTime())) throw new AppError("INVALID", "from: not a date");
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  if (view === "week") {
    const start = new Date(base.getTime() - ((base.getUTCDay() + 6) % 7) * 86_400_000);
    const end = new Date(start.getTime() + 7 * 86_400_000);
    return { start, end, previous: iso(new Date(start.getTime() - 7 * 86_400_000)), next: iso(end) };
  }
  const start = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), 1));
  const end = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 1));
  return { start, end, previous: iso(new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() - 1, 1))), next: iso(end) };
}

/** Slots of a site (anyone may read a site's public programme) or of a trainer (themselves, or staff scheduling them). */
export async function listCalendarSlots(actor: TActor, options: { siteId?: string; trainerId?: string; start: Date; end: Date }) {
  if (options.trainerId && options.trainerId !== actor.userId && !can(actor, "session.schedule", { relaySiteId: options.siteId ?? null }) && !actor.memberships.some((m) => m.role === "SITE_COORDINATOR" || m.role === "NATIONAL_ADMIN")) {
    throw new AppError("FORBIDDEN", "You cannot read this trainer's calendar.");
  }
  return db.sessionSlot.findMany({
    where: {
      startsAt: { gte: options.start, lt: options.end },
      ...(options.siteId ? { session: { siteId: options.siteId } } : {}),
      ...(options.trainerId ? { trainers: { some: { userId: options.trainerId } } } : {}),
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true, startsAt: true, endsAt: true, halfDay: true, room: { select: { name: true } },
      trainers: { select: { user: { select: { name: true } } } },
      session: { select: { id: true, status: true, courseVersion: { select: { title: true, titleEn: true } }, site: { select: { name: true } } } },
    },
  });
}
