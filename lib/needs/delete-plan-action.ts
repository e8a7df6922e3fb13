import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidNeedsInput, needsError } from "./needs-error";

export const ZDeletePlanActionInput = z.object({ actionId: z.string().min(1).max(40) });

/** A training officer removes a planned action; its needs return to the group's unplanned needs. */
export async function deletePlanAction(actor: TActor, input: z.input<typeof ZDeletePlanActionInput>) {
  const parsed = ZDeletePlanActionInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const action = await db.trainingPlanAction.findUnique({
    where: { id: parsed.data.actionId },
    select: { id: true, institutionId: true, title: true, campaignId: true },
  });
  if (!action) throw needsError("NOT_FOUND", "needs.errors.notFound");
  assertCan(actor, "needs.plan", { institutionId: action.institutionId });
  return db.$transaction(async (tx) => {
    // deleteMany: of two removals at once the second finds nothing and says so, rather than failing on P2025.
    const deleted = await tx.trainingPlanAction.deleteMany({ where: { id: action.id } });
    if (deleted.count === 0) throw needsError("NOT_FOUND", "needs.errors.notFound");
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.plan.actionDeleted",
        entityType: "TrainingPlanAction",
        entityId: action.id,
        institutionId: action.institutionId,
        data: { title: action.title, campaignId: action.campaignId },
      },
    });
    return { id: action.id };
  });
}
