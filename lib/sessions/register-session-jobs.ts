import "server-only";
import type PgBoss from "pg-boss";
import { requestDeliveryOn } from "../notifications/register-notification-jobs";
import { expireOffers } from "./expire-offers";
import { completeFinishedSessions } from "./complete-finished-sessions";
import { remindPendingApprovals } from "./remind-pending-approvals";

export const SESSION_QUEUES = {
  expireOffers: "sessions-expire-offers",
  completeSessions: "sessions-complete",
  remindApprovals: "sessions-remind-approvals",
} as const;

const SESSION_JOB_RETRY = { retryLimit: 20, retryDelay: 30, retryBackoff: true } as const;

/** The queues of the sessions: lapsed waitlist offers, finished sessions, approval reminders; registered by startJobs (lib/jobs/boss.ts). */
export async function registerSessionJobs(boss: PgBoss, options: { schedule: boolean }): Promise<void> {
  for (const name of Object.values(SESSION_QUEUES)) await boss.createQueue(name, { name, ...SESSION_JOB_RETRY });
  await boss.work(SESSION_QUEUES.expireOffers, async () => {
    if ((await expireOffers()) > 0) await requestDeliveryOn(boss);
  });
  await boss.work(SESSION_QUEUES.completeSessions, async () => {
    await completeFinishedSessions();
  });
  await boss.work(SESSION_QUEUES.remindApprovals, async () => {
    if ((await remindPendingApprovals()) > 0) await requestDeliveryOn(boss);
  });
  if (!options.schedule) return;
  await boss.schedule(SESSION_QUEUES.expireOffers, "*/5 * * * *", {}, SESSION_JOB_RETRY);
  await boss.schedule(SESSION_QUEUES.completeSessions, "*/15 * * * *", {}, SESSION_JOB_RETRY);
  await boss.schedule(SESSION_QUEUES.remindApprovals, "0 * * * *", {}, SESSION_JOB_RETRY);
}
