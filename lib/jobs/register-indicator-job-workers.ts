import "server-only";
import type PgBoss from "pg-boss";
import type { IndicatorJobKind } from "../db/generated/enums";
import { runImportJob } from "../imports/run-import-job";
import { RUN_JOB_QUEUE, setIndicatorJobBoss } from "../job-queue/indicator-job-store";
import { purgeExpiredJobFiles } from "../job-queue/purge-expired-job-files";
import { runIndicatorJob, type TIndicatorJobHandler } from "../job-queue/run-indicator-job";
import { runExportJob } from "../reports/run-export-job";

export const INDICATOR_JOB_QUEUES = {
  runJob: RUN_JOB_QUEUE,
  purgeJobFiles: "indicators-purge-job-files",
} as const;

const RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const;

/** Each kind of large import or export and the domain that does it. */
const HANDLERS: Record<IndicatorJobKind, TIndicatorJobHandler> = {
  STAFF_IMPORT: runImportJob,
  HEADCOUNT_IMPORT: runImportJob,
  PROGRESS_EXPORT: runExportJob,
};

/** Runs one queued import or export (the worker below; tests call it directly). */
export function runQueuedIndicatorJob(jobId: string): Promise<void> {
  return runIndicatorJob(jobId, HANDLERS);
}

/** The workers of large imports and exports and the daily purge of their files. */
export async function registerIndicatorJobWorkers(boss: PgBoss, options: { schedule?: boolean } = {}): Promise<void> {
  for (const name of Object.values(INDICATOR_JOB_QUEUES)) await boss.createQueue(name, { name, ...RETRY });
  // Jobs queued from this process go to this boss.
  setIndicatorJobBoss(async () => boss);
  await boss.work<{ jobId: string }>(INDICATOR_JOB_QUEUES.runJob, async ([job]) => {
    if (job) await runQueuedIndicatorJob(job.data.jobId);
  });
  await boss.work(INDICATOR_JOB_QUEUES.purgeJobFiles, async () => {
    await purgeExpiredJobFiles();
  });
  if (options.schedule !== false) await boss.schedule(INDICATOR_JOB_QUEUES.purgeJobFiles, "30 3 * * *", {}, RETRY);
}
