import "server-only";
import type PgBoss from "pg-boss";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import type { IndicatorJobKind } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { JOB_FILE_RETENTION_DAYS } from "./purge-expired-job-files";

/** Above this many lines (imports) or rows (exports) the work runs as a background job with progress. */
export const BACKGROUND_THRESHOLD = 2_000;

export const RUN_JOB_QUEUE = "indicators-run-job";

const globalForQueue = globalThis as unknown as { relaisIndicatorBoss?: () => Promise<PgBoss> };

/** How queued jobs reach pg-boss: the server's boss by default; tests plug their own. */
export function setIndicatorJobBoss(getBoss: () => Promise<PgBoss>): void {
  globalForQueue.relaisIndicatorBoss = getBoss;
}

/**
 * Records a job for its owner and queues it. The row is written first: if queuing fails, the
 * owner sees a failed job rather than nothing; the worker is idempotent on a DONE row.
 */
export async function queueIndicatorJob(actor: TActor, options: { kind: IndicatorJobKind; institutionId: string | null; params: Prisma.InputJsonValue; input?: Uint8Array }) {
  const job = await db.indicatorJob.create({
    data: { kind: options.kind, ownerId: actor.userId, institutionId: options.institutionId, params: options.params, input: options.input ? Buffer.from(options.input) : null },
    select: { id: true },
  });
  try {
    const getBoss = globalForQueue.relaisIndicatorBoss ?? (async () => (await import("../jobs/boss")).startJobs());
    await (await getBoss()).send(RUN_JOB_QUEUE, { jobId: job.id }, { retryLimit: 2, retryDelay: 10 });
  } catch (error) {
    console.error("Could not queue the job:", error);
    await db.indicatorJob.update({ where: { id: job.id }, data: { status: "FAILED", errorMessage: "The job could not be queued. Please try again.", finishedAt: new Date() } });
  }
  return job;
}

/** A job as its owner sees it; anyone else gets NOT_FOUND (404): job ids are not to be probed. */
export async function getIndicatorJobOrThrow(actor: TActor, jobId: string) {
  const job = await db.indicatorJob.findFirst({
    where: { id: jobId, ownerId: actor.userId },
    select: { id: true, kind: true, status: true, progress: true, resultName: true, errorMessage: true, createdAt: true, finishedAt: true },
  });
  if (!job) throw new AppError("NOT_FOUND", "This job does not exist.");
  return job;
}

/** The finished file of a job, for its owner only. */
export async function getIndicatorJobResultOrThrow(actor: TActor, jobId: string) {
  const job = await db.indicatorJob.findFirst({ where: { id: jobId, ownerId: actor.userId }, select: { status: true, result: true, resultName: true, resultType: true } });
  if (!job) throw new AppError("NOT_FOUND", "This job does not exist.");
  if (job.status !== "DONE" || !job.resultName || !job.resultType) throw new AppError("CONFLICT", "The job has not finished yet.");
  if (!job.result) throw new AppError("NOT_FOUND", `This file was deleted ${JOB_FILE_RETENTION_DAYS} days after the export: it holds personal data. Export it again.`);
  return { body: new Uint8Array(job.result), filename: job.resultName, contentType: job.resultType };
}
