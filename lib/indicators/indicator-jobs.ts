import "server-only";
import type PgBoss from "pg-boss";
import { sendDueFollowUpSurveys } from "../surveys/send-due-follow-up-surveys";
import { RUN_JOB_QUEUE, setIndicatorJobBoss } from "./indicator-job-store";
import { refreshIndicatorRollups, yearsToRefresh } from "./refresh-indicator-rollups";
import { purgeExpiredJobFiles } from "./purge-expired-job-files";
import { runIndicatorJob } from "./run-indicator-job";

export const INDICATOR_QUEUES = {
  refreshRollups: "indicators-refresh-rollups",
  followUpSurveys: "surveys-send-follow-up",
  runJob: RUN_JOB_QUEUE,
  purgeJobFiles: "indicators-purge-job-files",
} as const;

/** A failed refresh is retried; until then the dashboards show the previous refresh time. */
const RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const;

/** Runs one rollup refresh: the job handler, also called by tests and scripts. */
export async function runRollupRefresh(data: { years?: number[] } = {}) {
  const results = [];
  for (const year of data.years ?? yearsToRefresh()) results.push(await refreshIndicatorRollups({ year }));
  return results;
}

/** The indicators' queues and workers, registered by startJobs (lib/jobs/boss.ts). */
export async function registerIndicatorJobs(boss: PgBoss, options: { schedule?: boolean } = {}): Promise<void> {
  for (const name of Object.values(INDICATOR_QUEUES)) await boss.createQueue(name, { name, ...RETRY });
  await boss.work<{ years?: number[] }>(INDICATOR_QUEUES.refreshRollups, async ([job]) => {
    await runRollupRefresh(job?.data ?? {});
  });
  // Large imports and exports; jobs queued from this process go to this boss.
  setIndicatorJobBoss(async () => boss);
  await boss.work<{ jobId: string }>(INDICATOR_QUEUES.runJob, async ([job]) => {
    if (job) await runIndicatorJob(job.data.jobId);
  });
  // Idempotent (an agent already invited or who answered is skipped): safe to retry and to run daily.
  await boss.work(INDICATOR_QUEUES.followUpSurveys, async () => {
    await sendDueFollowUpSurveys();
  });
  await boss.work(INDICATOR_QUEUES.purgeJobFiles, async () => {
    await purgeExpiredJobFiles();
  });
  if (options.schedule !== false) {
    await boss.schedule(INDICATOR_QUEUES.followUpSurveys, "0 6 * * *", {}, RETRY);
    await boss.schedule(INDICATOR_QUEUES.purgeJobFiles, "30 3 * * *", {}, RETRY);
    // Every 15 minutes: the freshness shown beside the dashboards is at most that old (plus the run).
    await boss.schedule(INDICATOR_QUEUES.refreshRollups, "*/15 * * * *", {}, { ...RETRY, singletonKey: "refresh" });
  }
}
