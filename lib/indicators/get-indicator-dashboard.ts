import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { computeIndicators } from "./compute-indicators";
import { computeMonthlySeries } from "./compute-monthly-series";
import { loadIndicatorFacts } from "./load-indicator-facts";
import { resolveIndicatorScope } from "./resolve-indicator-scope";
import { periodOf, type TIndicatorFilters } from "./scope";

/** Names of institutions, regions and themes, for breakdown rows (enum values are translated by the UI). */
async function loadLabels() {
  const [institutions, regions, themes] = await Promise.all([
    db.institution.findMany({ select: { id: true, name: true } }),
    db.region.findMany({ select: { id: true, nameFr: true, nameEn: true } }),
    db.theme.findMany({ select: { id: true, nameFr: true, nameEn: true } }),
  ]);
  const labels: Record<string, { fr: string; en: string }> = {};
  for (const row of institutions) labels[row.id] = { fr: row.name, en: row.name };
  for (const row of [...regions, ...themes]) labels[row.id] = { fr: row.nameFr, en: row.nameEn };
  return labels;
}

/** The indicators of a period for the dashboards, within what the actor may read. */
export async function getIndicatorDashboard(actor: TActor, filters: TIndicatorFilters) {
  const institutionIds = resolveIndicatorScope(actor, { institutionId: filters.institutionId });
  const period = periodOf(filters);
  const [facts, labels] = await Promise.all([
    loadIndicatorFacts({ institutionIds, regionId: filters.regionId, period }),
    loadLabels(),
  ]);
  return {
    filters,
    headcountYear: facts.headcountYear,
    hoursPerDay: facts.hoursPerDay,
    computedAt: new Date(),
    labels,
    series: computeMonthlySeries(facts),
    ...computeIndicators(facts, filters.breakdown),
  };
}

export type TIndicatorDashboard = Awaited<ReturnType<typeof getIndicatorDashboard>>;
