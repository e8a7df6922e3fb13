import "server-only";
import type { TActor } from "../auth/permissions";
import { computeIndicators } from "./compute-indicators";
import { computeMonthlySeries } from "./compute-monthly-series";
import { env } from "../env";
import { loadGroupLabels } from "./load-group-labels";
import { headcountYearOf, loadIndicatorFacts } from "./load-indicator-facts";
import { getRollupFreshness, loadRollupIndicators } from "./load-rollup-indicators";
import { resolveIndicatorScope } from "./resolve-indicator-scope";
import { periodOf, type TIndicatorFilters } from "./scope";

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
  const [refreshedAt, labels] = await Promise.all([getRollupFreshness(period), loadGroupLabels()]);
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
