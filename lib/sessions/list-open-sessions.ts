import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { courseWhereForActor } from "../catalog/course-where";
import { distanceKmOrNull } from "./geo";

/** Upcoming sessions an agent can register for, nearest site first (distance from their workplace). */
export async function listOpenSessions(actor: TActor, now = new Date()) {
  const me = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { workplaceLat: true, workplaceLng: true },
  });
  const sessions = await db.trainingSession.findMany({
    where: { status: { in: ["OPEN", "FULL"] }, registrationDeadline: { gte: now }, course: courseWhereForActor(actor) },
    select: {
      id: true,
      status: true,
      capacity: true,
      registrationDeadline: true,
      courseVersion: { select: { title: true, titleEn: true } },
      course: { select: { modality: true } },
      site: { select: { id: true, name: true, city: true, latitude: true, longitude: true } },
      slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
      registrations: { where: { userId: actor.userId }, select: { status: true } },
    },
    take: 200,
  });
  return sessions
    .map((session) => ({
      ...session,
      myStatus: session.registrations[0]?.status ?? null,
      distanceKm: distanceKmOrNull(
        { lat: me.workplaceLat, lng: me.workplaceLng },
        { lat: session.site.latitude, lng: session.site.longitude },
      ),
    }))
    .sort(
      (a, b) =>
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        (a.slots[0]?.startsAt.getTime() ?? 0) - (b.slots[0]?.startsAt.getTime() ?? 0),
    );
}
