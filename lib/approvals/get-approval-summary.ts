import "server-only";
import { db } from "../db";
import { canSometimes, institutionsWhere, type TActor } from "../auth/permissions";
import { approvableEnrolmentWhere } from "../learning/list-pending-approvals";
import { pendingRegistrationApprovalWhere } from "../sessions/list-pending-approvals";
import { hasDirectReports } from "../people/has-direct-reports";

export type TApprovalSummary = {
  /** The actor decides someone's requests: a team, an absent manager's team, an institution's. */
  isApprover: boolean;
  /** Enrolment requests (courses with approval) and session registrations waiting for this actor. */
  pendingCount: number;
};

/**
 * What the navigation and the homes say about approvals. Every agent holds enrolment.approve on
 * "managed" resources, but only someone with a team (or deputising, or an institution's officer)
 * has anything to decide: the others never see "Demandes à valider".
 */
export async function getApprovalSummary(actor: TActor, now = new Date()): Promise<TApprovalSummary> {
  if (!canSometimes(actor, "enrolment.approve")) return { isApprover: false, pendingCount: 0 };
  const [enrolments, registrations, isManager, deputising] = await Promise.all([
    db.enrolment.count({ where: { AND: [{ status: "PENDING_APPROVAL" }, approvableEnrolmentWhere(actor)] } }),
    db.registration.count({ where: pendingRegistrationApprovalWhere(actor, now) }),
    hasDirectReports(actor.userId),
    db.user.findFirst({ where: { deputyId: actor.userId, absentUntil: { gt: now } }, select: { id: true } }),
  ]);
  const institutions = institutionsWhere(actor, "enrolment.approve");
  const isInstitutionApprover = institutions === "all" || institutions.length > 0;
  const pendingCount = enrolments + registrations;
  return { isApprover: isManager || deputising !== null || isInstitutionApprover || pendingCount > 0, pendingCount };
}
