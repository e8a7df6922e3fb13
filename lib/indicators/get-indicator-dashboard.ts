import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { computeIndicators } from "./compute-indicators";
import { computeMonthlySeries } from "./compute-monthly-series";
import { env } from "../env";
import { headcountYearOf, loadIndicatorFacts } from "./load-indicator-facts";
import { getRollupFreshness, loadRollupIndicators } from "./load-rollup-indicators";
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

/**
 * The indicators of a period for the dashboards, within what the actor may read: from the rollup
 * tables when every year of the period has been rolled up (national scale, "figures as of" their
 * refresh), otherwise from the raw rows (exact and current, fine for an institution or a region).
 */
export async function getIndicatorDashboard(actor: TActor, filters: TIndicatorFilters) {
  const institutionIds = resolveIndicatorScope(actor, {
    action: "indicators.read",
    institutionId: filters.institutionId,
  });
  const period = periodOf(filters);
  const scope = { institutionIds, regionId: filters.regionId, period };
  const [refreshedAt, labels] = await Promise.all([getRollupFreshness(period), loadLabels()]);
  const common = { filters, headcountYear: headcountYearOf(period), hoursPerDay: env().RELAIS_HOURS_PER_DAY, labels };
  if (refreshedAt) {
    return {
      ...common,
      source: "rollup" as const,
      computedAt: refreshedAt,
      ...(await loadRollupIndicators(scope, filters.breakdown)),
    };
  }
  const facts = await loadIndicatorFacts(scope);
  return {
    ...common,
    source: "raw" as const,
    computedAt: new Date(),
    series: computeMonthlySeries(facts),
    ...computeIndicators(facts, filters.breakdown),
  };
}

export type TIndicatorDashboard = Awaited<ReturnType<typeof getIndicatorDashboard>>;
