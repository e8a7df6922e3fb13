import "server-only";
// The daily retention sweep (RETENTION_DAYS, README "Retention of personal data"): set-based
// deletes, each its own statement so no interactive transaction can time out, and each idempotent
// (a second run the same day deletes nothing), so pg-boss may retry it freely.
import { db } from "../db";
import { xapiBaseUrl } from "../lrs/xapi-identifiers";
import { purgeExpiredJobFiles } from "../job-queue/purge-expired-job-files";
import { DAY_MS, RETENTION_DAYS } from "./retention-policy";

export type TRetentionResult = {
  notifications: number;
  auditLog: number;
  indicatorJobs: number;
  jobFiles: number;
  erasedPeopleStatements: number;
};

const cutoff = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export async function applyRetention(options: { now?: Date } = {}): Promise<TRetentionResult> {
  const now = options.now ?? new Date();
  const notifications = await db.notification.deleteMany({
    where: { createdAt: { lt: cutoff(now, RETENTION_DAYS.notifications) } },
  });
  const auditLog = await db.auditLog.deleteMany({ where: { createdAt: { lt: cutoff(now, RETENTION_DAYS.auditLog) } } });
  // Files first (they go after 7 days), then the rows of jobs long finished.
  const jobFiles = await purgeExpiredJobFiles(now);
  const indicatorJobs = await db.indicatorJob.deleteMany({
    where: {
      createdAt: { lt: cutoff(now, RETENTION_DAYS.indicatorJobs) },
      status: { in: ["DONE", "FAILED"] },
      resultPath: null,
      inputPath: null,
    },
  });
  const erasedBefore = cutoff(now, RETENTION_DAYS.erasedPeopleStatements);
  const home = `account:${xapiBaseUrl()} `;
  // The activity index rows go with their statements (no foreign key: see XapiStatementActivity).
  const [statements] = await db.$queryRaw<{ count: number }[]>`
    WITH gone AS (
      DELETE FROM "XapiStatement" s USING "User" u
      WHERE u."erasedAt" < ${erasedBefore} AND u.pseudonym IS NOT NULL AND s."actorIfi" = ${home} || u.pseudonym
      RETURNING s.seq
    ), activities AS (
      DELETE FROM "XapiStatementActivity" a USING gone WHERE a.seq = gone.seq
    )
    SELECT count(*)::int AS count FROM gone`;
  const erasedPeopleStatements = statements?.count ?? 0;
  return {
    notifications: notifications.count,
    auditLog: auditLog.count,
    indicatorJobs: indicatorJobs.count,
    jobFiles,
    erasedPeopleStatements,
  };
}
