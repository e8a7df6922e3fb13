import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidNeedsInput } from "./needs-error";
import { getNeedForUpdateOrThrow } from "./get-need-or-throw";

export const ZWithdrawNeedInput = z.object({ needId: z.string().min(1).max(40) });

/** An agent withdraws one of their needs (at any stage): it leaves the queues, the plan and the pooled views. */
export async function withdrawNeed(actor: TActor, input: z.input<typeof ZWithdrawNeedInput>, now = new Date()) {
  const parsed = ZWithdrawNeedInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  return db.$transaction(async (tx) => {
    const need = await getNeedForUpdateOrThrow(tx, parsed.data.needId);
    assertCan(actor, "needs.express", { userId: need.userId });
    if (need.withdrawnAt) return { id: need.id };
    await tx.trainingNeed.update({ where: { id: need.id }, data: { withdrawnAt: now } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.need.withdrawn",
        entityType: "TrainingNeed",
        entityId: need.id,
        institutionId: need.institutionId,
      },
    });
    return { id: need.id };
  });
}
