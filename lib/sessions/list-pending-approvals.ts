import "server-only";
import { db } from "../db";
import { institutionsWhere, type TActor } from "../auth/permissions";

/** Registrations waiting for this actor's decision: their team's, or (officers) their institution's agents without a manager. */
export async function listPendingApprovals(actor: TActor) {
  const institutions = institutionsWhere(actor, "enrolment.approve");
  const officerScope =
    institutions === "all"
      ? [{ user: { managerId: null } }]
      : institutions.length
        ? [{ user: { managerId: null, institutionId: { in: institutions } } }]
        : [];
  return db.registration.findMany({
    where: { status: "PENDING_APPROVAL", OR: [{ user: { managerId: actor.userId } }, ...officerScope] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      user: { select: { name: true } },
      session: {
        select: {
          id: true,
          courseVersion: { select: { title: true, titleEn: true } },
          site: { select: { name: true } },
          slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
        },
      },
    },
  });
}
