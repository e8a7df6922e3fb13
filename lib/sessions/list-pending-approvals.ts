import "server-only";
import { db } from "../db";
import { institutionsWhere, type TActor } from "../auth/permissions";
import type { Prisma } from "../db/generated/client";

/**
 * The filter of registrations waiting for this actor's decision, at the step they wait at: at the manager's step
 * their team's, their absent colleagues' teams' when they are the deputy, and (officers) their
 * institution's agents without a manager; at the officer's step (officers) their institution's.
 */
export function pendingRegistrationApprovalWhere(actor: TActor, now: Date): Prisma.RegistrationWhereInput {
  const institutions = institutionsWhere(actor, "enrolment.approve");
  const inInstitutions: Prisma.UserWhereInput | null =
    institutions === "all" ? {} : institutions.length ? { institutionId: { in: institutions } } : null;
  const managerStep: Prisma.RegistrationWhereInput[] = [
    { user: { managerId: actor.userId } },
    { user: { manager: { deputyId: actor.userId, absentUntil: { gt: now } } } },
    ...(inInstitutions ? [{ user: { managerId: null, ...inInstitutions } }] : []),
  ];
  return {
    status: "PENDING_APPROVAL",
    OR: [
      { approvalStep: { not: "OFFICER" }, OR: managerStep },
      { approvalStep: null, OR: managerStep },
      ...(inInstitutions ? [{ approvalStep: "OFFICER" as const, user: inInstitutions }] : []),
    ],
  };
}

export async function listPendingApprovals(actor: TActor, now = new Date()) {
  const rows = await db.registration.findMany({
    where: pendingRegistrationApprovalWhere(actor, now),
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      approvalStep: true,
      user: { select: { name: true, managerId: true } },
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
  return rows.map(({ approvalStep, user, ...row }) => ({
    ...row,
    user: { name: user.name },
    step: approvalStep ?? ("MANAGER" as const),
    /** Deciding for an absent manager, as their deputy. */
    isAsDeputy: approvalStep !== "OFFICER" && user.managerId !== null && user.managerId !== actor.userId,
  }));
}
