import { haversineKm } from "../sessions/geo";
import { missionCostCents, type TMissionScales } from "../mission-costs/mission-scales";

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

/**
 * Per institution: the kilometres and mission costs its requesters avoid (negative: extra) when
 * they go to the chosen site instead of their institution's usual venue. Each requester's mission
 * costs, at the usual venue and at the chosen site, follow the scales (missionCostCents: kilometric
 * allowance, meals, overnight stays); the avoided cost is their difference, in euros. An
 * institution without a usual venue is compared with the chosen site itself (nothing avoided).
 */
export function savingsByInstitution(options: {
  requesters: TRequester[];
  chosen: TPoint;
  scales: TMissionScales;
  days?: number;
}) {
  const { requesters, chosen, scales, days = 1 } = options;
  type TEntry = {
    agents: number;
    usualKm: number;
    chosenKm: number;
    unknown: number;
    usualCents: number;
    chosenCents: number;
  };
  const byInstitution = new Map<string, TEntry>();
  for (const requester of requesters) {
    const entry = byInstitution.get(requester.institutionId) ?? {
      agents: 0,
      usualKm: 0,
      chosenKm: 0,
      unknown: 0,
      usualCents: 0,
      chosenCents: 0,
    };
    entry.agents += 1;
    if (!requester.workplace) entry.unknown += 1;
    else {
      const usual = requester.usualVenue ?? chosen;
      entry.chosenKm += travelKm([requester], chosen, days);
      entry.usualKm += travelKm([requester], usual, days);
      entry.chosenCents += missionCostCents(haversineKm(requester.workplace, chosen), days, scales);
      entry.usualCents += missionCostCents(haversineKm(requester.workplace, usual), days, scales);
    }
    byInstitution.set(requester.institutionId, entry);
  }
  return [...byInstitution.entries()].map(([institutionId, entry]) => ({
    institutionId,
    ...entry,
    avoidedKm: entry.usualKm - entry.chosenKm,
    avoidedCost: (entry.usualCents - entry.chosenCents) / 100,
  }));
}
