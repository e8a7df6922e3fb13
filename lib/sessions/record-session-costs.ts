import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidInput } from "../errors/invalid-input";
import { keyedError } from "../errors/localized-error";
import { zEuroCents } from "../money/z-euros";
import { sessionResource } from "./session-access";

export const ZRecordSessionCostsInput = z.object({
  sessionId: z.string().min(1).max(40),
  trainers: zEuroCents("costs.errors.trainers"),
  room: zEuroCents("costs.errors.room"),
  catering: zEuroCents("costs.errors.catering"),
  travel: zEuroCents("costs.errors.travel"),
});
export type TRecordSessionCostsInput = z.input<typeof ZRecordSessionCostsInput>;

/**
 * A session's organisers (the coordinator of its relay site, the training officer of its course's
 * institution) record what it really cost: trainers, room, catering and travel reimbursed, in
 * euros with cents. The four amounts replace the previous ones; the audit row keeps both, inside
 * the same transaction. The indicators read them (lib/indicators/costs.ts).
 */
export async function recordSessionCosts(actor: TActor, input: TRecordSessionCostsInput) {
  const parsed = ZRecordSessionCostsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { sessionId, trainers, room, catering, travel } = parsed.data;
  const session = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { id: true, siteId: true, course: { select: { institutionId: true } } },
  });
  if (!session) throw keyedError("NOT_FOUND", "costs.errors.notFound");
  assertCan(actor, "session.costs", sessionResource(session));
  const amounts = { trainersCents: trainers, roomCents: room, cateringCents: catering, travelCents: travel };
  return db.$transaction(
    async (tx) => {
      const before = await tx.sessionCost.findUnique({
        where: { sessionId },
        select: { trainersCents: true, roomCents: true, cateringCents: true, travelCents: true },
      });
      const saved = await tx.sessionCost.upsert({
        where: { sessionId },
        create: { sessionId, ...amounts, updatedById: actor.userId },
        update: { ...amounts, updatedById: actor.userId },
        select: { sessionId: true, trainersCents: true, roomCents: true, cateringCents: true, travelCents: true },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "session.costs.recorded",
          entityType: "TrainingSession",
          entityId: sessionId,
          institutionId: session.course.institutionId,
          data: { before, after: amounts },
        },
      });
      return { ...saved, totalCents: trainers + room + catering + travel };
    },
    { timeout: 15_000 },
  );
}
