// How long Relais keeps each kind of personal data (GDPR art. 5(1)(e), storage limitation). The
// README's retention table states the same periods; lib/privacy/apply-retention.ts applies them
// daily. Exports and uploaded CSVs are purged by lib/job-queue/purge-expired-job-files.ts
// (JOB_FILE_RETENTION_DAYS), which the daily privacy job runs too.
export const RETENTION_DAYS = {
  /** Notifications (in-app and their e-mail outbox row): a year is enough to find a past message. */
  notifications: 365,
  /** Audit rows: who changed what, kept as long as a decision may be contested (3 years). */
  auditLog: 3 * 365,
  /** Background import/export job rows (their filters and messages); their files go after 7 days. */
  indicatorJobs: 365,
  /** Pseudonymised statements of erased agents: kept one year after erasure (learning records of the year), then deleted. */
  erasedPeopleStatements: 365,
} as const;

export const DAY_MS = 86_400_000;
