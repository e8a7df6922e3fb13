import type { TIndicator, TGroupFacts } from "../indicator";
import { completedInPeriod, memoizePerFacts } from "../indicator";
import type { TAttendanceFact, TEnrolmentFact } from "../types";

/**
 * Documented assumptions of the travel indicator (not official rates: the agency may change them).
 * - An online training replaces one round trip per training day of its declared duration
 *   (at least one), to the relay site nearest to the agent's workplace.
 * - When the workplace is unknown, that one-way distance is DEFAULT_ONE_WAY_KM.
 * - An in-person day at a relay site saves, per round trip, twice the difference between the
 *   distance to the nearest site of the course's own institution and the distance actually travelled.
 * - Mission costs: MISSION_COST_PER_KM per kilometre (mileage allowance) + MISSION_COST_PER_TRIP
 *   per avoided round trip (one meal allowance).
 */
export const TRAVEL_ASSUMPTIONS = {
  DEFAULT_ONE_WAY_KM: 25,
  MISSION_COST_PER_KM: 0.25,
  MISSION_COST_PER_TRIP: 20,
} as const;

type TTravel = { trips: number; km: number; cost: number };

function missionCost(km: number, trips: number): number {
  return km * TRAVEL_ASSUMPTIONS.MISSION_COST_PER_KM + trips * TRAVEL_ASSUMPTIONS.MISSION_COST_PER_TRIP;
}

/** What one completed enrolment avoids (nothing for in-person courses: their days are counted below). */
export function onlineTravelAvoided(row: TEnrolmentFact, hoursPerDay: number): { trips: number; km: number } {
  if (row.course.modality === "IN_PERSON") return { trips: 0, km: 0 };
  const days = Math.max(1, Math.ceil(row.declaredMinutes / 60 / hoursPerDay));
  return { trips: days, km: days * 2 * (row.nearestSiteKm ?? TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM) };
}

/** In person: one round trip per distinct day attended (this key); only the saving on distance counts. */
export function inPersonDayKey(row: TAttendanceFact): string {
  return `${row.userId}:${row.sessionId}:${row.startsAt.toISOString().slice(0, 10)}`;
}

/** Kilometres one attended day saves (round trip), or null when a distance is unknown. */
export function inPersonDayKmAvoided(row: TAttendanceFact): number | null {
  if (row.distanceKm === null || row.referenceKm === null) return null;
  return 2 * Math.max(0, row.referenceKm - row.distanceKm);
}

export const computeTravelAvoided = memoizePerFacts((facts: TGroupFacts): TTravel => {
  let trips = 0;
  let km = 0;
  for (const row of completedInPeriod(facts)) {
    const travel = onlineTravelAvoided(row, facts.hoursPerDay);
    trips += travel.trips;
    km += travel.km;
  }
  const days = new Map<string, number>();
  for (const row of facts.attendances) {
    const saved = inPersonDayKmAvoided(row);
    if (saved !== null) days.set(inPersonDayKey(row), saved);
  }
  for (const saved of days.values()) km += saved;
  return { trips, km, cost: missionCost(km, trips) };
});

const HOW = {
  fr: `hypothèses : une formation en ligne remplace un aller-retour par journée de formation de sa durée déclarée (au moins un) vers le site relais le plus proche du lieu de travail (${TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM} km aller si le lieu de travail est inconnu) ; une journée en site relais économise deux fois l'écart entre la distance au site le plus proche de l'établissement organisateur et la distance parcourue ; frais de mission = ${TRAVEL_ASSUMPTIONS.MISSION_COST_PER_KM} € par km + ${TRAVEL_ASSUMPTIONS.MISSION_COST_PER_TRIP} € par aller-retour évité.`,
  en: `assumptions: an online training replaces one round trip per training day of its declared duration (at least one) to the relay site nearest the workplace (${TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM} km one way when the workplace is unknown); a day at a relay site saves twice the difference between the distance to the organising institution's nearest site and the distance travelled; mission costs = €${TRAVEL_ASSUMPTIONS.MISSION_COST_PER_KM} per km + €${TRAVEL_ASSUMPTIONS.MISSION_COST_PER_TRIP} per avoided round trip.`,
};

export const tripsAvoided: TIndicator = {
  key: "tripsAvoided",
  unit: "count",
  definition: { fr: `Déplacements évités (allers-retours) ; ${HOW.fr}`, en: `Trips avoided (round trips); ${HOW.en}` },
  compute: (facts) => computeTravelAvoided(facts).trips,
  fromSums: (sums) => sums.trips,
};

export const kmAvoided: TIndicator = {
  key: "kmAvoided",
  unit: "km",
  definition: { fr: `Kilomètres évités ; ${HOW.fr}`, en: `Kilometres avoided; ${HOW.en}` },
  compute: (facts) => computeTravelAvoided(facts).km,
  fromSums: (sums) => sums.km,
};

export const missionCostsAvoided: TIndicator = {
  key: "missionCostsAvoided",
  unit: "euros",
  definition: { fr: `Frais de mission évités (€) ; ${HOW.fr}`, en: `Mission costs avoided (€); ${HOW.en}` },
  compute: (facts) => computeTravelAvoided(facts).cost,
  fromSums: (sums) => missionCost(sums.km, sums.trips),
};
