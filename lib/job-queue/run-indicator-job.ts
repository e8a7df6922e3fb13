import "server-only";
import { db } from "../db";
import type { IndicatorJob } from "../db/generated/client";
import type { IndicatorJobKind } from "../db/generated/enums";
import { loadActor } from "../auth/actor";
import type { TActor } from "../auth/permissions";
import { isAppError } from "../errors/app-error";
import { keyedError } from "../errors/localized-error";
import { jobFailureOf } from "./job-failure";
import { deleteJobFile } from "./job-file-storage";

/**
 * What a kind of job does once its row is RUNNING and its owner loaded: ends by marking the row
 * DONE (with its result), or throws (the row becomes FAILED). Each domain writes its own
 * (lib/imports/run-import-job.ts, lib/reports/run-export-job.ts); lib/jobs hands them over.
 */
export type TIndicatorJobHandler = (
  job: IndicatorJob,
  context: { actor: TActor; setProgress: (percent: number) => Promise<void> },
) => Promise<void>;

/**
 * The background half of a large import or export (pg-boss worker). The owner's rights are checked
 * again, by the use cases the handler calls: they may have changed since the job was queued. A
 * job already finished is left alone, so a redelivered message does nothing twice; a retry after
 * a crash starts the work again. An import's uploaded file is deleted once the job ends, whatever
 * the outcome.
 */
export async function runIndicatorJob(
  jobId: string,
  handlers: Record<IndicatorJobKind, TIndicatorJobHandler>,
): Promise<void> {
  const job = await db.indicatorJob.findUnique({ where: { id: jobId } });
  if (!job || job.status === "DONE" || job.status === "FAILED") return;
  await db.indicatorJob.update({ where: { id: jobId }, data: { status: "RUNNING", progress: 0 } });
  const setProgress = async (percent: number) => {
    await db.indicatorJob.update({ where: { id: jobId }, data: { progress: Math.min(99, Math.round(percent)) } });
  };
  try {
    const actor = await loadActor(job.ownerId);
    if (!actor) throw keyedError("FORBIDDEN", "errors.codes.FORBIDDEN");
    await handlers[job.kind](job, { actor, setProgress });
  } catch (error) {
    if (!isAppError(error)) console.error(`Indicator job ${jobId} failed:`, error);
    await db.indicatorJob.update({
      where: { id: jobId },
      data: { status: "FAILED", ...jobFailureOf(error), inputPath: null, finishedAt: new Date() },
    });
    if (job.inputPath) await deleteJobFile(job.inputPath);
  }
}
