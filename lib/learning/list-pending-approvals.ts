import "server-only";
import { db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { TActor } from "../auth/permissions";
import { institutionsWhere, PERMISSIONS } from "../auth/permissions";

/**
 * Who may approve whose requests, as a filter on enrolments: a manager their team's, a training
 * officer their institution's. Mirrors the "enrolment.approve" scopes of the permission table.
 */
export function approvableEnrolmentWhere(actor: TActor): Prisma.EnrolmentWhereInput {
  const or: Prisma.EnrolmentWhereInput[] = [];
  const hasManagedScope = actor.memberships.some((membership) =>
    (PERMISSIONS[membership.role]["enrolment.approve"] ?? []).includes("managed"),
  );
  if (hasManagedScope) or.push({ user: { managerId: actor.userId } });
  const institutions = institutionsWhere(actor, "enrolment.approve");
  if (institutions === "all") return {};
  if (institutions.length > 0) or.push({ user: { institutionId: { in: institutions } } });
  // No scope: a condition no row satisfies (an empty OR would match everything in Prisma).
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

export async function listPendingApprovals(actor: TActor) {
  return db.enrolment.findMany({
    where: { AND: [{ status: "PENDING_APPROVAL" }, approvableEnrolmentWhere(actor)] },
    orderBy: { enrolledAt: "asc" },
    select: {
      id: true,
      enrolledAt: true,
      user: { select: { name: true, email: true } },
      course: { select: { slug: true } },
      courseVersion: { select: { title: true, titleEn: true, declaredDurationMinutes: true } },
    },
  });
}
