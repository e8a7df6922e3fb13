import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { hasNoNul, invalidNeedsInput, needsError } from "./needs-error";
import { getNeedForUpdateOrThrow } from "./get-need-or-throw";

export const ZGiveOpinionInput = z
  .object({
    needId: z.string().min(1).max(40),
    opinion: z.enum(["FAVOURABLE", "UNFAVOURABLE", "TO_DISCUSS"]),
    reason: z.string().trim().max(2000).refine(hasNoNul).default(""),
  })
  .refine((input) => input.opinion !== "UNFAVOURABLE" || input.reason.length > 0, {
    path: ["reason"],
    message: "required",
  });
export type TGiveOpinionInput = z.input<typeof ZGiveOpinionInput>;

/**
 * The agent's manager (N+1) gives an opinion on a need before the officer decides: favourable,
 * unfavourable (with a reason), or to discuss. It may be changed until the decision.
 */
export async function giveOpinion(actor: TActor, input: TGiveOpinionInput, now = new Date()) {
  const parsed = ZGiveOpinionInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const { needId, opinion, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const need = await getNeedForUpdateOrThrow(tx, needId);
    assertCan(actor, "needs.opinion", { managerId: need.user.managerId });
    if (need.withdrawnAt) throw needsError("CONFLICT", "needs.errors.withdrawn");
    if (need.decision) throw needsError("CONFLICT", "needs.errors.alreadyDecided");
    await tx.trainingNeed.update({
      where: { id: needId },
      data: { opinion, opinionReason: reason || null, opinionById: actor.userId, opinionAt: now },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.need.opinion",
        entityType: "TrainingNeed",
        entityId: needId,
        institutionId: need.institutionId,
        data: { opinion, reason },
      },
    });
    return { id: needId, opinion };
  });
}
