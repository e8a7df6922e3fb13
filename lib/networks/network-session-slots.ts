import "server-only";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import { courseWhereForActor, LATEST_PUBLISHED_VERSION } from "../catalog/course-where";

/** Upcoming half-days of the sessions some networks link to (resources of kind SESSION) that the actor may see. */
export async function getSessionIcalSlots(actor: TActor, options: { networks: Prisma.NetworkWhereInput; now: Date }) {
  const slots = await db.sessionSlot.findMany({
    where: {
      startsAt: { gte: options.now },
      session: {
        status: { in: ["OPEN", "FULL", "PLANNED"] },
        course: courseWhereForActor(actor),
        networkResources: { some: { network: options.networks } },
      },
    },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      sessionId: true,
      room: { select: { name: true } },
      session: {
        select: {
          site: { select: { name: true, city: true } },
          course: { select: { versions: { ...LATEST_PUBLISHED_VERSION, select: { title: true } } } },
        },
      },
    },
  });
  return slots.map((slot) => ({
    id: slot.id,
    sessionId: slot.sessionId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    title: slot.session.course.versions[0]?.title ?? "",
    location: `${slot.session.site.name}, ${slot.session.site.city} — ${slot.room.name}`,
  }));
}
