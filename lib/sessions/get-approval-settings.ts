import "server-only";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";

/** The institution's approval settings for its training officer (null for anyone else). */
export async function getInstitutionApprovalSettings(actor: TActor, institutionId: string) {
  if (!can(actor, "institution.update", { institutionId })) return null;
  const institution = await db.institution.findUnique({
    where: { id: institutionId },
    select: { approvalChain: true, approvalReminderDays: true },
  });
  return institution ? { ...institution, canUpdate: true } : null;
}

/** A course's approval settings for its editors (null for anyone else), with the chain it falls back to. */
export async function getCourseApprovalSettings(actor: TActor, courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      institutionId: true,
      requiresApproval: true,
      approvalChain: true,
      institution: { select: { approvalChain: true } },
    },
  });
  if (!course || !can(actor, "course.author", { institutionId: course.institutionId })) return null;
  return {
    requiresApproval: course.requiresApproval,
    approvalChain: course.approvalChain,
    institutionChain: course.institution.approvalChain,
    canUpdate: true,
  };
}
