import "server-only";
import { db } from "../db";
import { DEFAULT_MISSION_SCALES, type TMissionScales } from "./mission-scales";

export const MISSION_SCALES_ID = "national";

/** The national mission-cost scales, or the defaults while no administrator has set them. */
export async function getMissionScales(): Promise<TMissionScales & { updatedAt: Date | null }> {
  const row = await db.missionCostScale.findUnique({
    where: { id: MISSION_SCALES_ID },
    select: { kmAllowanceCents: true, mealCents: true, overnightCents: true, overnightFromKm: true, updatedAt: true },
  });
  return row ?? { ...DEFAULT_MISSION_SCALES, updatedAt: null };
}
