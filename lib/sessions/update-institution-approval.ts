import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidInput } from "../errors/invalid-input";
import { keyedError } from "../errors/localized-error";
import { ApprovalChain } from "../db/generated/enums";
import { zWholeNumber } from "../input/z-whole-number";

export const ZUpdateInstitutionApprovalInput = z.object({
  institutionId: z.string().min(1).max(40),
  approvalChain: z.enum(Object.values(ApprovalChain), { message: "costs.errors.approvalChain" }),
  approvalReminderDays: zWholeNumber(1, 30, "costs.errors.reminderDays"),
});
export type TUpdateInstitutionApprovalInput = z.input<typeof ZUpdateInstitutionApprovalInput>;

/**
 * The institution's training officer sets who approves a registration to a course requiring
 * approval (the manager alone, or the manager then the training officer; a course may override
 * it) and after how many days a waiting request's approvers are reminded (1 to 30). Requests
 * already made keep the chain they were made under (Registration.isOfficerStepRequired).
 */
export async function updateInstitutionApproval(actor: TActor, input: TUpdateInstitutionApprovalInput) {
  const parsed = ZUpdateInstitutionApprovalInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { institutionId, approvalChain, approvalReminderDays } = parsed.data;
  assertCan(actor, "institution.update", { institutionId });
  return db.$transaction(async (tx) => {
    const before = await tx.institution.findUnique({
      where: { id: institutionId },
      select: { approvalChain: true, approvalReminderDays: true },
    });
    if (!before) throw keyedError("NOT_FOUND", "errors.institutions.notFound");
    await tx.institution.update({ where: { id: institutionId }, data: { approvalChain, approvalReminderDays } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "institution.approval.updated",
        entityType: "Institution",
        entityId: institutionId,
        institutionId,
        data: { before, after: { approvalChain, approvalReminderDays } },
      },
    });
    return { approvalChain, approvalReminderDays };
  });
}
