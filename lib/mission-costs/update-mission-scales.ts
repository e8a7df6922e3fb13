import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidInput } from "../errors/invalid-input";
import { zEuroCents } from "../money/z-euros";
import { zWholeNumber } from "../input/z-whole-number";
import { MISSION_SCALES_ID } from "./get-mission-scales";

export const ZUpdateMissionScalesInput = z.object({
  kmAllowance: zEuroCents("costs.errors.kmAllowance").refine((cents) => cents <= 1000, {
    message: "costs.errors.kmAllowance",
  }),
  meal: zEuroCents("costs.errors.meal").refine((cents) => cents <= 20_000, { message: "costs.errors.meal" }),
  overnight: zEuroCents("costs.errors.overnight").refine((cents) => cents <= 100_000, {
    message: "costs.errors.overnight",
  }),
  overnightFromKm: zWholeNumber(1, 2000, "costs.errors.overnightFromKm"),
});
export type TUpdateMissionScalesInput = z.input<typeof ZUpdateMissionScalesInput>;

/**
 * A national administrator sets the mission-cost scales the pooling view computes "mission costs
 * avoided" with (lib/mission-costs/mission-scales.ts): kilometric allowance (at most 10 € per km), meal
 * (at most 200 €), overnight stay (at most 1,000 €), and the distance from which agents stay. The
 * change and the previous scales are audited in the same transaction.
 */
export async function updateMissionScales(actor: TActor, input: TUpdateMissionScalesInput) {
  assertCan(actor, "missionScales.manage");
  const parsed = ZUpdateMissionScalesInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const scales = {
    kmAllowanceCents: parsed.data.kmAllowance,
    mealCents: parsed.data.meal,
    overnightCents: parsed.data.overnight,
    overnightFromKm: parsed.data.overnightFromKm,
  };
  return db.$transaction(async (tx) => {
    const before = await tx.missionCostScale.findUnique({ where: { id: MISSION_SCALES_ID } });
    await tx.missionCostScale.upsert({
      where: { id: MISSION_SCALES_ID },
      create: { id: MISSION_SCALES_ID, ...scales, updatedById: actor.userId },
      update: { ...scales, updatedById: actor.userId },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "needs.missionScales.updated",
        entityType: "MissionCostScale",
        entityId: MISSION_SCALES_ID,
        data: {
          before: before
            ? {
                kmAllowanceCents: before.kmAllowanceCents,
                mealCents: before.mealCents,
                overnightCents: before.overnightCents,
                overnightFromKm: before.overnightFromKm,
              }
            : null,
          after: scales,
        },
      },
    });
    return scales;
  });
}
