import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import PgBoss from "pg-boss";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import type { IndicatorJobKind } from "../db/generated/enums";
import { parseEnv } from "../env-schema";
import { absoluteJobFilePath, jobFilePath, writeJobFile } from "./job-file-storage";
import { JOB_FILE_RETENTION_DAYS } from "./purge-expired-job-files";
import { localizedAppError } from "../errors/localized-error";
import { jobFailure } from "./job-failure";

/** Above this many lines (imports) or rows (exports) the work runs as a background job with progress. */
export const BACKGROUND_THRESHOLD = 2_000;

/** The queue of these jobs (the name predates their move out of lib/indicators: queued jobs keep it). */
export const RUN_JOB_QUEUE = "indicators-run-job";

const globalForQueue = globalThis as unknown as {
  relaisIndicatorBoss?: () => Promise<PgBoss>;
  relaisSendOnlyBoss?: Promise<PgBoss>;
};

/**
 * How queued jobs reach pg-boss: the boss this process runs the workers on (set when lib/jobs
 * registers them; tests plug their own).
 */
export function setIndicatorJobBoss(getBoss: () => Promise<PgBoss>): void {
  globalForQueue.relaisIndicatorBoss = getBoss;
}

/**
 * A process that runs no workers (a web replica started with RELAIS_JOBS=false) queues through a
 * pg-boss that only sends: no polling, no schedules; the worker processes run the job.
 */
function sendOnlyBoss(): Promise<PgBoss> {
  globalForQueue.relaisSendOnlyBoss ??= (async () => {
    const boss = new PgBoss({
      connectionString: parseEnv(process.env).DATABASE_URL,
      supervise: false,
      schedule: false,
    });
    boss.on("error", (error) => console.error("pg-boss:", error));
    return boss.start();
  })();
  // A failed start (database down) must not poison the cache: the next job tries again.
  globalForQueue.relaisSendOnlyBoss.catch(() => (globalForQueue.relaisSendOnlyBoss = undefined));
  return globalForQueue.relaisSendOnlyBoss;
}

/**
 * Records a job for its owner and queues it. An import's file is written to the data folder
 * first, then the row: if queuing fails, the owner sees a failed job rather than nothing; the
 * worker is idempotent on a DONE row.
 */
export async function queueIndicatorJob(
  actor: TActor,
  options: { kind: IndicatorJobKind; institutionId: string | null; params: Prisma.InputJsonValue; input?: Uint8Array },
) {
  const id = randomUUID();
  const inputPath = options.input ? jobFilePath("imports", id, "csv") : null;
  if (inputPath) await writeJobFile(inputPath, options.input!);
  const job = await db.indicatorJob.create({
    data: {
      id,
      kind: options.kind,
      ownerId: actor.userId,
      institutionId: options.institutionId,
      params: options.params,
      inputPath,
    },
    select: { id: true },
  });
  try {
    const getBoss = globalForQueue.relaisIndicatorBoss ?? sendOnlyBoss;
    await (await getBoss()).send(RUN_JOB_QUEUE, { jobId: job.id }, { retryLimit: 2, retryDelay: 10 });
  } catch (error) {
    console.error("Could not queue the job:", error);
    await db.indicatorJob.update({
      where: { id: job.id },
      data: {
        status: "FAILED",
        ...jobFailure("errors.jobs.notQueued", {}, "The job could not be queued. Please try again."),
        finishedAt: new Date(),
      },
    });
  }
  return job;
}

/** A job as its owner sees it; anyone else gets NOT_FOUND (404): job ids are not to be probed. */
export async function getIndicatorJobOrThrow(actor: TActor, jobId: string) {
  const job = await db.indicatorJob.findFirst({
    where: { id: jobId, ownerId: actor.userId },
    select: {
      id: true,
      kind: true,
      status: true,
      progress: true,
      resultName: true,
      errorMessage: true,
      errorDetails: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  if (!job)
    throw localizedAppError("NOT_FOUND", "This job does not exist.", {
      messageKey: "errors.jobs.notFound",
      values: {},
    });
  return job;
}

/** The finished file of a job, for its owner only: where it is on disk and what it is. */
export async function getIndicatorJobResultOrThrow(actor: TActor, jobId: string) {
  const job = await db.indicatorJob.findFirst({
    where: { id: jobId, ownerId: actor.userId },
    select: {
      status: true,
      resultPath: true,
      resultName: true,
      resultType: true,
      resultSize: true,
      resultSha256: true,
    },
  });
  if (!job)
    throw localizedAppError("NOT_FOUND", "This job does not exist.", {
      messageKey: "errors.jobs.notFound",
      values: {},
    });
  if (job.status !== "DONE" || !job.resultName || !job.resultType)
    throw localizedAppError("CONFLICT", "The job has not finished yet.", {
      messageKey: "errors.jobs.notFinished",
      values: {},
    });
  if (!job.resultPath)
    throw localizedAppError(
      "NOT_FOUND",
      `This file was deleted ${JOB_FILE_RETENTION_DAYS} days after the export: it holds personal data. Export it again.`,
      { messageKey: "errors.jobs.fileExpired", values: { days: JOB_FILE_RETENTION_DAYS } },
    );
  return {
    filePath: absoluteJobFilePath(job.resultPath),
    filename: job.resultName,
    contentType: job.resultType,
    size: job.resultSize,
    sha256: job.resultSha256,
  };
}

/**
 * The finished file as a download: streamed from disk (never whole in memory), always an
 * attachment with nosniff, never cached by a shared cache (personal data).
 */
export async function openIndicatorJobFile(
  actor: TActor,
  jobId: string,
): Promise<{ body: ReadableStream<Uint8Array>; headers: Record<string, string> }> {
  const file = await getIndicatorJobResultOrThrow(actor, jobId);
  const size = await stat(file.filePath)
    .then((stats) => stats.size)
    .catch(() => {
      throw localizedAppError("NOT_FOUND", "This file is no longer available. Export it again.", {
        messageKey: "errors.jobs.fileGone",
        values: {},
      });
    });
  const asciiName = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"]/g, "_");
  return {
    body: Readable.toWeb(createReadStream(file.filePath)) as ReadableStream<Uint8Array>,
    headers: {
      "content-type": file.contentType,
      "content-length": String(size),
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      ...(file.sha256 ? { etag: `"${file.sha256}"` } : {}),
    },
  };
}
