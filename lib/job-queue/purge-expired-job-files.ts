import "server-only";
// Export files hold personal data (names, e-mails, scores): a finished job keeps its file for a
// week, long enough to download it, then the file goes (GDPR storage limitation). The job row
// stays, for the owner's history and because the export itself is in the audit log.
import { db } from "../db";
import { deleteJobFile, JOB_FILE_EXTENSIONS, jobFilePath } from "./job-file-storage";
import { jobFailure } from "./job-failure";

export const JOB_FILE_RETENTION_DAYS = 7;

/**
 * Deletes the files of jobs finished more than JOB_FILE_RETENTION_DAYS ago, and ends jobs that
 * never finished within that time (a worker killed after its last retry): their uploaded CSV and
 * half-written export go too. Returns how many jobs lost a file.
 */
export async function purgeExpiredJobFiles(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - JOB_FILE_RETENTION_DAYS * 86_400_000);
  const expired = await db.indicatorJob.findMany({
    where: { finishedAt: { lt: before }, resultPath: { not: null } },
    select: { id: true, resultPath: true },
  });
  for (const job of expired) {
    // File first, then the row: a crash in between leaves a path to a missing file, which the
    // next run deletes again (idempotent) and the download answers with 404.
    await deleteJobFile(job.resultPath!);
    await db.indicatorJob.update({ where: { id: job.id }, data: { resultPath: null } });
  }
  const stuck = await db.indicatorJob.findMany({
    where: { createdAt: { lt: before }, status: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true, kind: true, inputPath: true },
  });
  for (const job of stuck) {
    if (job.inputPath) await deleteJobFile(job.inputPath);
    if (job.kind === "PROGRESS_EXPORT")
      for (const extension of JOB_FILE_EXTENSIONS) await deleteJobFile(jobFilePath("exports", job.id, extension));
    await db.indicatorJob.update({
      where: { id: job.id },
      data: {
        status: "FAILED",
        ...jobFailure(
          "errors.jobs.neverFinished",
          { days: JOB_FILE_RETENTION_DAYS },
          `The job did not finish within ${JOB_FILE_RETENTION_DAYS} days. Please try again.`,
        ),
        inputPath: null,
        finishedAt: now,
      },
    });
  }
  return expired.length + stuck.length;
}
