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

/** What one agent's trip to a training place costs: round trips, kilometres and mission costs (euro cents). */
export type TMissionTravel = { trips: number; km: number; cents: number };

/**
 * One agent going to a training place `oneWayKm` away for `days` training days, under the scales:
 * - at the workplace itself (0 km) there is no trip and nothing is owed;
 * - under `overnightFromKm` one way, the agent travels each day: `days` round trips
 *   (2 × distance × days kilometres at the kilometric allowance) and one meal per day;
 * - from `overnightFromKm` on, the agent stays: one round trip (2 × distance), one night per
 *   training day (arriving the evening before), two meals per day (lunch and dinner).
 * The pooling view's savings and the national travel indicators both follow this one model.
 */
export function missionTravel(oneWayKm: number, days: number, scales: TMissionScales): TMissionTravel {
  if (oneWayKm <= 0 || days <= 0) return { trips: 0, km: 0, cents: 0 };
  const isStaying = oneWayKm >= scales.overnightFromKm;
  const trips = isStaying ? 1 : days;
  const km = 2 * oneWayKm * trips;
  const meals = isStaying ? 2 * days : days;
  const nights = isStaying ? days : 0;
  return { trips, km, cents: km * scales.kmAllowanceCents + meals * scales.mealCents + nights * scales.overnightCents };
}

/** The mission costs (euro cents) of `missionTravel`. */
export function missionCostCents(oneWayKm: number, days: number, scales: TMissionScales): number {
  return missionTravel(oneWayKm, days, scales).cents;
}
