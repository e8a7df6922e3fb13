import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";

export const ZDecideEnrolmentInput = z.object({
  enrolmentId: z.string().min(1).max(40),
  decision: z.enum(["approve", "refuse"]),
  comment: z.string().trim().max(500).optional(),
});
export type TDecideEnrolmentInput = z.infer<typeof ZDecideEnrolmentInput>;

/** A manager (their team) or a training officer (their institution) approves or refuses an enrolment request. */
export async function decideEnrolment(actor: TActor, input: TDecideEnrolmentInput) {
  const parsed = ZDecideEnrolmentInput.safeParse(input);
  if (!parsed.success)
    throw localizedAppError("INVALID", "This decision could not be read: choose to approve or to refuse the request.", {
      messageKey: "errors.learning.badDecision",
      values: {},
    });
  const { enrolmentId, decision, comment } = parsed.data;
  if (decision === "refuse" && !comment)
    throw localizedAppError("INVALID", "Say why the request is refused.", {
      messageKey: "errors.learning.refusalNeedsReason",
      values: {},
      field: "comment",
    });
  const enrolment = await db.enrolment.findUnique({
    where: { id: enrolmentId },
    select: { id: true, status: true, user: { select: { managerId: true, institutionId: true } } },
  });
  if (!enrolment) throw new AppError("NOT_FOUND", "This request does not exist.");
  assertCan(actor, "enrolment.approve", {
    managerId: enrolment.user.managerId,
    institutionId: enrolment.user.institutionId,
  });
  const toStatus = decision === "approve" ? "ACTIVE" : "REFUSED";
  return db.$transaction(async (tx) => {
    // Conditional update: of two deciders clicking at once, only the first one changes the row.
    const { count } = await tx.enrolment.updateMany({
      where: { id: enrolmentId, status: "PENDING_APPROVAL" },
      data: { status: toStatus },
    });
    if (count === 0)
      throw localizedAppError("CONFLICT", "This request has already been decided.", {
        messageKey: "errors.learning.alreadyDecided",
        values: {},
      });
    await tx.enrolmentStatusChange.create({
      data: { enrolmentId, fromStatus: "PENDING_APPROVAL", toStatus, actorId: actor.userId, comment: comment ?? null },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: decision === "approve" ? "enrolment.approved" : "enrolment.refused",
        entityType: "Enrolment",
        entityId: enrolmentId,
        institutionId: enrolment.user.institutionId,
        data: { comment: comment ?? null },
      },
    });
    return { status: toStatus };
  });
}
