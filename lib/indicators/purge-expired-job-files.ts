import "server-only";
// Export files hold personal data (names, e-mails, scores): a finished job keeps its file for a
// week, long enough to download it, then the bytes go (GDPR storage limitation). The job row
// stays, for the owner's history and because the export itself is in the audit log.
import { db } from "../db";

export const JOB_FILE_RETENTION_DAYS = 7;

/** Deletes the files of jobs finished more than JOB_FILE_RETENTION_DAYS ago; returns how many. */
export async function purgeExpiredJobFiles(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - JOB_FILE_RETENTION_DAYS * 86_400_000);
  const { count } = await db.indicatorJob.updateMany({ where: { finishedAt: { lt: before }, result: { not: null } }, data: { result: null } });
  return count;
}
