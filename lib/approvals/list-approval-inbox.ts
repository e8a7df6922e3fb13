import "server-only";
import type { TActor } from "../auth/permissions";
import { listPendingApprovals as listPendingEnrolments } from "../learning/list-pending-approvals";
import { listPendingApprovals as listPendingRegistrations } from "../sessions/list-pending-approvals";
import { hasDirectReports } from "../people/has-direct-reports";

/**
 * One inbox of everything waiting for the actor's decision: enrolment requests in courses that
 * require approval, and registrations for in-person sessions (at the step they wait at). The
 * decisions still go through each domain's own use case (decide-enrolment, decide-registration).
 * Declaring an absence (a deputy decides meanwhile) is offered to managers only: the deputy
 * replaces a manager at the manager's step, so for anyone without a team it would change nothing.
 */
export async function listApprovalInbox(actor: TActor, now = new Date()) {
  const [enrolments, registrations, canDeclareAbsence] = await Promise.all([
    listPendingEnrolments(actor),
    listPendingRegistrations(actor, now),
    hasDirectReports(actor.userId),
  ]);
  return { enrolments, registrations, total: enrolments.length + registrations.length, canDeclareAbsence };
}
