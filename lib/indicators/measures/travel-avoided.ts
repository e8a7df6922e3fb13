import { missionTravel, type TMissionScales } from "../../mission-costs/mission-scales";
import type { TIndicator, TGroupFacts } from "../indicator";
import { completedInPeriod, memoizePerFacts } from "../indicator";
import type { TAttendanceFact, TEnrolmentFact } from "../types";

/**
 * Documented assumptions of the travel indicators. Trips, kilometres and mission costs follow one
 * model, that of the national mission-cost scales (lib/mission-costs/mission-scales.ts,
 * `missionTravel`): under the overnight distance an agent travels each training day, from it on
 * the agent stays (one round trip, nights and meals at the scales' rates).
 * - An online training replaces going, for the training days of its declared duration (at least
 *   one), to the relay site nearest the agent's workplace; DEFAULT_ONE_WAY_KM when it is unknown.
 * - An in-person session at a relay site saves, for the days the agent attended it, what going to
 *   the nearest site of the course's own institution would have cost minus what going to the site
 *   actually cost (never below zero; nothing when a distance is unknown). The saving is spread
 *   evenly over those days, so that a period counts the share of the days it holds.
 */
export const TRAVEL_ASSUMPTIONS = {
  DEFAULT_ONE_WAY_KM: 25,
} as const;

type TTravel = { trips: number; km: number; cents: number };

/** What one completed online or hybrid enrolment avoids (in-person courses: their days are counted below). */
export function onlineTravelAvoided(row: TEnrolmentFact, hoursPerDay: number, scales: TMissionScales): TTravel {
  if (row.course.modality === "IN_PERSON") return { trips: 0, km: 0, cents: 0 };
  const days = Math.max(1, Math.ceil(row.declaredMinutes / 60 / hoursPerDay));
  return missionTravel(row.nearestSiteKm ?? TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM, days, scales);
}

/** In person: an agent's attended day of a session (this key) counts once, however many half-days. */
export function inPersonDayKey(row: TAttendanceFact): string {
  return `${row.userId}:${row.sessionId}:${row.startsAt.toISOString().slice(0, 10)}`;
}

/** The kilometres and mission costs one attended day saves: its share of the session's saving. */
export function inPersonDayAvoided(row: TAttendanceFact, scales: TMissionScales): Omit<TTravel, "trips"> | null {
  if (row.distanceKm === null || row.referenceKm === null || row.sessionDaysAttended <= 0) return null;
  const days = row.sessionDaysAttended;
  const usual = missionTravel(row.referenceKm, days, scales);
  const actual = missionTravel(row.distanceKm, days, scales);
  return { km: Math.max(0, usual.km - actual.km) / days, cents: Math.max(0, usual.cents - actual.cents) / days };
}

export const computeTravelAvoided = memoizePerFacts((facts: TGroupFacts): TTravel => {
  const total: TTravel = { trips: 0, km: 0, cents: 0 };
  for (const row of completedInPeriod(facts)) {
    const travel = onlineTravelAvoided(row, facts.hoursPerDay, facts.missionScales);
    total.trips += travel.trips;
    total.km += travel.km;
    total.cents += travel.cents;
  }
  const days = new Map<string, Omit<TTravel, "trips">>();
  for (const row of facts.attendances) {
    const saved = inPersonDayAvoided(row, facts.missionScales);
    if (saved !== null) days.set(inPersonDayKey(row), saved);
  }
  for (const saved of days.values()) {
    total.km += saved.km;
    total.cents += saved.cents;
  }
  return total;
});

const HOW = {
  fr: `selon les barèmes nationaux des frais de mission (indemnité kilométrique, repas, nuitée, distance à partir de laquelle l'agent loge sur place) : en deçà de cette distance, un aller-retour et un repas par journée de formation ; au-delà, un seul aller-retour, une nuitée et deux repas par journée. Une formation en ligne évite d'aller, pour les journées de sa durée déclarée (au moins une), au site relais le plus proche du lieu de travail (${TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM} km aller si le lieu de travail est inconnu). Une session en site relais économise, pour les journées suivies, ce qu'aurait coûté le site le plus proche de l'établissement organisateur moins ce qu'a coûté le site fréquenté (jamais moins de zéro), réparti également sur ces journées.`,
  en: `under the national mission-cost scales (kilometric allowance, meal, overnight stay, distance from which the agent stays): below that distance, one round trip and one meal per training day; from it on, a single round trip, one night and two meals per day. An online training avoids going, for the days of its declared duration (at least one), to the relay site nearest the workplace (${TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM} km one way when the workplace is unknown). A session at a relay site saves, for the days attended, what the organising institution's nearest site would have cost minus what the site attended cost (never below zero), spread evenly over those days.`,
};

export const tripsAvoided: TIndicator = {
  key: "tripsAvoided",
  unit: "count",
  definition: {
    fr: `Déplacements évités (allers-retours) par les formations en ligne et hybrides, ${HOW.fr}`,
    en: `Trips avoided (round trips) by online and hybrid trainings, ${HOW.en}`,
  },
  compute: (facts) => computeTravelAvoided(facts).trips,
  fromSums: (sums) => sums.trips,
};

export const kmAvoided: TIndicator = {
  key: "kmAvoided",
  unit: "km",
  definition: { fr: `Kilomètres évités, ${HOW.fr}`, en: `Kilometres avoided, ${HOW.en}` },
  compute: (facts) => computeTravelAvoided(facts).km,
  fromSums: (sums) => sums.km,
};

export const missionCostsAvoided: TIndicator = {
  key: "missionCostsAvoided",
  unit: "euros",
  definition: { fr: `Frais de mission évités (€), ${HOW.fr}`, en: `Mission costs avoided (€), ${HOW.en}` },
  compute: (facts) => computeTravelAvoided(facts).cents / 100,
  fromSums: (sums) => sums.missionCents / 100,
};
