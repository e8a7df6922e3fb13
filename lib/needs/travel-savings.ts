import { haversineKm } from "../sessions/geo";
import { TRAVEL_ASSUMPTIONS } from "../indicators/measures/travel-avoided";

type TPoint = { lat: number; lng: number };
export type TRequester = { institutionId: string; workplace: TPoint | null; usualVenue: TPoint | null };

/**
 * Round-trip kilometres of the requesters to a site over the session's days. Requesters without a
 * known workplace count for nothing (they are reported apart, never guessed).
 */
export function travelKm(requesters: TRequester[], site: TPoint, days: number): number {
  let km = 0;
  for (const requester of requesters) if (requester.workplace) km += 2 * days * haversineKm(requester.workplace, site);
  return km;
}

/** The site that minimises the requesters' total travel (ties: the first given), with each site's total. */
export function rankSites<TSite extends TPoint & { id: string }>(requesters: TRequester[], sites: TSite[], days = 1) {
  const ranked = sites.map((site) => ({ site, km: travelKm(requesters, site, days) })).sort((a, b) => a.km - b.km);
  return { best: ranked[0]?.site ?? null, ranked };
}

/** Mission costs of a number of kilometres (kilometric allowance of lib/indicators' documented assumptions). */
export function missionCostOfKm(km: number): number {
  return km * TRAVEL_ASSUMPTIONS.MISSION_COST_PER_KM;
}

/**
 * Per institution: the kilometres and mission costs its requesters avoid (negative: extra) when
 * they go to the chosen site instead of their institution's usual venue. An institution without a
 * usual venue is compared with the chosen site itself (nothing avoided).
 */
export function savingsByInstitution(requesters: TRequester[], chosen: TPoint, days = 1) {
  const byInstitution = new Map<string, { agents: number; usualKm: number; chosenKm: number; unknown: number }>();
  for (const requester of requesters) {
    const entry = byInstitution.get(requester.institutionId) ?? { agents: 0, usualKm: 0, chosenKm: 0, unknown: 0 };
    entry.agents += 1;
    if (!requester.workplace) entry.unknown += 1;
    else {
      entry.chosenKm += travelKm([requester], chosen, days);
      entry.usualKm += travelKm([requester], requester.usualVenue ?? chosen, days);
    }
    byInstitution.set(requester.institutionId, entry);
  }
  return [...byInstitution.entries()].map(([institutionId, entry]) => {
    const avoidedKm = entry.usualKm - entry.chosenKm;
    return { institutionId, ...entry, avoidedKm, avoidedCost: missionCostOfKm(avoidedKm) };
  });
}
