import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { sitesWhere } from "../auth/permissions";

/** Upcoming and recent sessions of the relay sites the actor schedules. */
export async function listSiteSessions(actor: TActor) {
  const sites = sitesWhere(actor, "session.schedule");
  if (sites !== "all" && sites.length === 0) return { sites: [], sessions: [] };
  const siteWhere = sites === "all" ? {} : { id: { in: sites } };
  const [siteRows, sessions] = await Promise.all([
    db.relaySite.findMany({ where: siteWhere, select: { id: true, name: true, city: true }, orderBy: { name: "asc" } }),
    db.trainingSession.findMany({
      where: { site: siteWhere },
      orderBy: { registrationDeadline: "asc" },
      take: 50,
      select: {
        id: true,
        status: true,
        capacity: true,
        site: { select: { name: true } },
        courseVersion: { select: { title: true, titleEn: true } },
        slots: {
          orderBy: { startsAt: "asc" },
          select: { startsAt: true, endsAt: true, room: { select: { name: true } } },
        },
        _count: { select: { registrations: { where: { status: "CONFIRMED" } } } },
      },
    }),
  ]);
  return { sites: siteRows, sessions };
}
