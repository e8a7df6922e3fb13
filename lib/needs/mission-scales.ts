/** The mission-cost scales (MissionCostScale, edited by a national administrator), in euro cents. */
export type TMissionScales = {
  kmAllowanceCents: number;
  mealCents: number;
  overnightCents: number;
  overnightFromKm: number;
};

/** The scales until a national administrator sets them (the table's column defaults). */
export const DEFAULT_MISSION_SCALES: TMissionScales = {
  kmAllowanceCents: 25,
  mealCents: 2000,
  overnightCents: 9000,
  overnightFromKm: 150,
};

/**
 * The mission costs (euro cents) of one agent going to a training place `oneWayKm` away for `days`
 * training days, under the scales:
 * - at the workplace itself (0 km) nothing is owed;
 * - under `overnightFromKm` one way, the agent travels each day: 2 × distance × days kilometres at
 *   the kilometric allowance, and one meal per day;
 * - from `overnightFromKm` on, the agent stays: one round trip (2 × distance), one night per
 *   training day (arriving the evening before), two meals per day (lunch and dinner).
 */
export function missionCostCents(oneWayKm: number, days: number, scales: TMissionScales): number {
  if (oneWayKm <= 0 || days <= 0) return 0;
  const isStaying = oneWayKm >= scales.overnightFromKm;
  const km = isStaying ? 2 * oneWayKm : 2 * oneWayKm * days;
  const meals = isStaying ? 2 * days : days;
  const nights = isStaying ? days : 0;
  return km * scales.kmAllowanceCents + meals * scales.mealCents + nights * scales.overnightCents;
}
