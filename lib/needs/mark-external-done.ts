import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidInput } from "../errors/invalid-input";
import { keyedError } from "../errors/localized-error";
import { zEuroCents } from "../money/z-euros";
import { zonedTimeToUtc } from "../sessions/half-day";

export const ZMarkExternalDoneInput = z.object({
  actionId: z.string().min(1).max(40),
  doneOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "costs.errors.doneOn" }),
  actualCost: zEuroCents("costs.errors.actualCost"),
  participantIds: z
    .array(z.string().min(1).max(40), { message: "costs.errors.participants" })
    .max(500, { message: "costs.errors.participants" }),
});
export type TMarkExternalDoneInput = z.input<typeof ZMarkExternalDoneInput>;

/**
 * The training officer marks an external training of the plan done: the day it ended (noon in the
 * institution's time zone, so that the plan's year is the local one), what it really cost, and the
 * institution's agents who followed it (they replace any previous list). The plan's execution
 * counts them as trained, and their needs the action answers are satisfied when that day falls in
 * the campaign's year (lib/indicators/load-needs-facts.ts); its cost counts in the budget consumed
 * (lib/indicators/costs.ts). Only external trainings: the others are followed through their course.
 */
export async function markExternalDone(actor: TActor, input: TMarkExternalDoneInput) {
  const parsed = ZMarkExternalDoneInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { actionId, doneOn, actualCost } = parsed.data;
  const participantIds = [...new Set(parsed.data.participantIds)];
  const action = await db.trainingPlanAction.findUnique({
    where: { id: actionId },
    select: {
      id: true,
      kind: true,
      institutionId: true,
      campaign: { select: { institution: { select: { timeZone: true } } } },
    },
  });
  if (!action) throw keyedError("NOT_FOUND", "needs.errors.field.actionId");
  assertCan(actor, "needs.plan", { institutionId: action.institutionId });
  if (action.kind !== "EXTERNAL") throw keyedError("CONFLICT", "costs.errors.notExternal");
  let doneAt: Date;
  try {
    doneAt = zonedTimeToUtc(doneOn, "12:00", action.campaign.institution.timeZone);
  } catch {
    throw keyedError("INVALID", "costs.errors.doneOn");
  }
  const agents = await db.user.count({
    where: { id: { in: participantIds }, institutionId: action.institutionId, erasedAt: null },
  });
  if (agents !== participantIds.length) throw keyedError("INVALID", "costs.errors.participants");
  return db.$transaction(
    async (tx) => {
      await tx.trainingPlanAction.update({ where: { id: actionId }, data: { doneAt, actualCostCents: actualCost } });
      await tx.planActionParticipant.deleteMany({ where: { actionId } });
      await tx.planActionParticipant.createMany({ data: participantIds.map((userId) => ({ actionId, userId })) });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "needs.plan.externalDone",
          entityType: "TrainingPlanAction",
          entityId: actionId,
          institutionId: action.institutionId,
          data: { doneAt: doneAt.toISOString(), actualCostCents: actualCost, participants: participantIds.length },
        },
      });
      return { doneAt, participants: participantIds.length, actualCostCents: actualCost };
    },
    { timeout: 15_000 },
  );
}
