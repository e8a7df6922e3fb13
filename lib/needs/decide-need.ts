import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import type { TNotificationKind } from "../notifications/notification-kinds";
import { notifyUsers } from "../notifications/notify-users";
import { hasNoNul, invalidNeedsInput, needsError } from "./needs-error";
import { getNeedForUpdateOrThrow, needLabel } from "./get-need-or-throw";

export const ZDecideNeedInput = z
  .object({
    needId: z.string().min(1).max(40),
    decision: z.enum(["RETAINED", "DEFERRED", "REFUSED"]),
    reason: z.string().trim().max(2000).refine(hasNoNul).default(""),
  })
  .refine((input) => input.decision === "RETAINED" || input.reason.length > 0, {
    path: ["reason"],
    message: "required",
  });
export type TDecideNeedInput = z.input<typeof ZDecideNeedInput>;

const NOTIFICATION: Record<z.infer<typeof ZDecideNeedInput>["decision"], TNotificationKind> = {
  RETAINED: "needRetained",
  DEFERRED: "needDeferred",
  REFUSED: "needRefused",
};

/**
 * A training officer of the need's institution decides it: retained in the plan, deferred or
 * refused (with a reason the agent sees). The agent is told. A need already answered by a
 * pooled session keeps its decision.
 */
export async function decideNeed(actor: TActor, input: TDecideNeedInput, now = new Date()) {
  const parsed = ZDecideNeedInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const { needId, decision, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const need = await getNeedForUpdateOrThrow(tx, needId);
    assertCan(actor, "needs.decide", { institutionId: need.institutionId });
    if (need.withdrawnAt) throw needsError("CONFLICT", "needs.errors.withdrawn");
    if (need.answeredBySessionId || need.answeredByCommissionId)
      throw needsError("CONFLICT", "needs.errors.alreadyAnswered");
    if (need.decision === decision) return { id: needId, decision }; // the same decision twice changes nothing
    await tx.trainingNeed.update({
      where: { id: needId },
      data: { decision, decisionReason: reason || null, decidedById: actor.userId, decidedAt: now },
    });
    await notifyUsers(tx, {
      userIds: [need.userId],
      kind: NOTIFICATION[decision],
      params: { course: needLabel(need), comment: reason },
      link: "/needs",
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.need.decided",
        entityType: "TrainingNeed",
        entityId: needId,
        institutionId: need.institutionId,
        data: { decision, reason },
      },
    });
    return { id: needId, decision };
  });
}
