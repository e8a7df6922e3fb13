import "server-only";
import { db } from "../db";
import type { Prisma } from "../db/generated/client";
import { buildIcal } from "../time/build-ical";
import { timeZoneOf } from "../time/time-zone";
import { publicUrl } from "../env";
import { publicCourseWhere } from "../catalog/course-where";

const DAY = 86_400_000;

async function slotsFor(where: Prisma.SessionSlotWhereInput) {
  const now = Date.now();
  const base = publicUrl();
  const slots = await db.sessionSlot.findMany({
    where: { ...where, startsAt: { gte: new Date(now - 90 * DAY), lt: new Date(now + 400 * DAY) } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      room: { select: { name: true } },
      session: {
        select: {
          id: true,
          status: true,
          courseVersion: { select: { title: true } },
          site: { select: { name: true, city: true } },
        },
      },
    },
  });
  return slots.map((slot) => ({
    id: slot.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    title: slot.session.courseVersion.title,
    room: slot.room.name,
    location: `${slot.session.site.name}, ${slot.session.site.city}`,
    isCancelled: slot.session.status === "CANCELLED",
    url: `${base}/sessions/${slot.session.id}`,
  }));
}

/** A person's feed: half-days they teach and sessions they are confirmed for. */
export async function getUserIcalFeed(userId: string): Promise<string> {
  const slots = await slotsFor({
    OR: [{ trainers: { some: { userId } } }, { session: { registrations: { some: { userId, status: "CONFIRMED" } } } }],
  });
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { institution: { select: { timeZone: true } } },
  });
  return buildIcal({ name: "Relais", slots, timeZone: timeZoneOf(user) });
}

/**
 * A site's public programme: titles, times and rooms only, no names; only sessions of courses an
 * anonymous visitor may see (the feed's URL is public), never those of institution-only courses.
 */
export async function getSiteIcalFeed(siteId: string): Promise<string | null> {
  const site = await db.relaySite.findUnique({
    where: { id: siteId },
    select: { name: true, institution: { select: { timeZone: true } } },
  });
  if (!site) return null;
  return buildIcal({
    name: `Relais — ${site.name}`,
    slots: await slotsFor({ session: { siteId, course: publicCourseWhere() } }),
    timeZone: timeZoneOf(site),
  });
}
