import "server-only";
import type PgBoss from "pg-boss";
import { deliverPendingEmails } from "../notifications/deliver-emails";
import { createMailTransport } from "../notifications/mail-transport";
import { sendReminders } from "../notifications/send-reminders";
import { expireOffers } from "./expire-offers";
import { completeFinishedSessions } from "./complete-finished-sessions";

export const SESSION_QUEUES = {
  deliverEmails: "notifications-deliver",
  reminders: "sessions-reminders",
  expireOffers: "sessions-expire-offers",
  completeSessions: "sessions-complete",
} as const;

/** Retries with backoff: an SMTP outage of minutes or hours loses no e-mail (the outbox rows stay unsent). */
export const SESSION_JOB_RETRY = { retryLimit: 20, retryDelay: 30, retryBackoff: true } as const;

const EMAIL_BATCH = 50;

/** The queues of the sessions and notifications area: e-mail outbox, reminders, lapsed waitlist offers, finished sessions. */
export async function registerSessionJobs(boss: PgBoss, options: { schedule: boolean }): Promise<void> {
  for (const name of Object.values(SESSION_QUEUES)) await boss.createQueue(name, { name, ...SESSION_JOB_RETRY });
  // Read SMTP_URL when the job runs, not at start: the transport follows the configuration in force.
  await boss.work(SESSION_QUEUES.deliverEmails, async () => {
    const transport = createMailTransport();
    // Drain the outbox batch by batch: a backlog left by an outage must not wait a minute per batch.
    while ((await deliverPendingEmails({ transport, limit: EMAIL_BATCH })) === EMAIL_BATCH);
  });
  await boss.work(SESSION_QUEUES.reminders, async () => {
    if ((await sendReminders()) > 0) await boss.send(SESSION_QUEUES.deliverEmails, {}, SESSION_JOB_RETRY);
  });
  await boss.work(SESSION_QUEUES.expireOffers, async () => {
    if ((await expireOffers()) > 0) await boss.send(SESSION_QUEUES.deliverEmails, {}, SESSION_JOB_RETRY);
  });
  await boss.work(SESSION_QUEUES.completeSessions, async () => {
    await completeFinishedSessions();
  });
  if (!options.schedule) return;
  // The minute sweep also catches notifications committed while no job was queued (crash after commit).
  await boss.schedule(SESSION_QUEUES.deliverEmails, "* * * * *", {}, SESSION_JOB_RETRY);
  await boss.schedule(SESSION_QUEUES.reminders, "0 * * * *", {}, SESSION_JOB_RETRY);
  await boss.schedule(SESSION_QUEUES.expireOffers, "*/5 * * * *", {}, SESSION_JOB_RETRY);
  await boss.schedule(SESSION_QUEUES.completeSessions, "*/15 * * * *", {}, SESSION_JOB_RETRY);
}
