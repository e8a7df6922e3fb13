import "server-only";
import type PgBoss from "pg-boss";
import { refreshIndicatorRollups, yearsToRefresh } from "./refresh-indicator-rollups";

export const INDICATOR_QUEUES = {
  refreshRollups: "indicators-refresh-rollups",
} as const;

/** A failed refresh is retried; until then the dashboards show the previous refresh time. */
const RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const;

/** Runs one rollup refresh: the job handler, also called by tests and scripts. */
export async function runRollupRefresh(data: { years?: number[] } = {}) {
  const results = [];
  for (const year of data.years ?? (await yearsToRefresh())) results.push(await refreshIndicatorRollups({ year }));
  return results;
}

/** The indicators' queue and worker (rollup refresh), registered by startJobs (lib/jobs/boss.ts). */
export async function registerIndicatorJobs(boss: PgBoss, options: { schedule?: boolean } = {}): Promise<void> {
  for (const name of Object.values(INDICATOR_QUEUES)) await boss.createQueue(name, { name, ...RETRY });
  await boss.work<{ years?: number[] }>(INDICATOR_QUEUES.refreshRollups, async ([job]) => {
    await runRollupRefresh(job?.data ?? {});
  });
  if (options.schedule !== false) {
    // Every 15 minutes: the freshness shown beside the dashboards is at most that old (plus the run).
    await boss.schedule(INDICATOR_QUEUES.refreshRollups, "*/15 * * * *", {}, { ...RETRY, singletonKey: "refresh" });
  }
}
