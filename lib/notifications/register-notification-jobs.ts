import "server-only";
import type PgBoss from "pg-boss";
import { deliverPendingEmails } from "./deliver-emails";
import { createMailTransport } from "./mail-transport";
import { sendReminders } from "./send-reminders";

export const NOTIFICATION_QUEUES = {
  deliverEmails: "notifications-deliver",
  reminders: "sessions-reminders",
} as const;

/** Retries with backoff: an SMTP outage of minutes or hours loses no e-mail (the outbox rows stay unsent). */
export const NOTIFICATION_JOB_RETRY = { retryLimit: 20, retryDelay: 30, retryBackoff: true } as const;

const EMAIL_BATCH = 50;

/** The e-mail outbox and the session reminders: queues, workers and schedules, registered by startJobs (lib/jobs/boss.ts). */
export async function registerNotificationJobs(boss: PgBoss, options: { schedule: boolean }): Promise<void> {
  for (const name of Object.values(NOTIFICATION_QUEUES))
    await boss.createQueue(name, { name, ...NOTIFICATION_JOB_RETRY });
  // Read SMTP_URL when the job runs, not at start: the transport follows the configuration in force.
  await boss.work(NOTIFICATION_QUEUES.deliverEmails, async () => {
    const transport = createMailTransport();
    // Drain the outbox batch by batch: a backlog left by an outage must not wait a minute per batch.
    while ((await deliverPendingEmails({ transport, limit: EMAIL_BATCH })) === EMAIL_BATCH);
  });
  await boss.work(NOTIFICATION_QUEUES.reminders, async () => {
    if ((await sendReminders()) > 0) await requestDeliveryOn(boss);
  });
  if (!options.schedule) return;
  // The minute sweep also catches notifications committed while no job was queued (crash after commit).
  await boss.schedule(NOTIFICATION_QUEUES.deliverEmails, "* * * * *", {}, NOTIFICATION_JOB_RETRY);
  await boss.schedule(NOTIFICATION_QUEUES.reminders, "0 * * * *", {}, NOTIFICATION_JOB_RETRY);
}

/** Asks a worker to send the e-mails now, after a job that notified people. */
export async function requestDeliveryOn(boss: PgBoss): Promise<void> {
  await boss.send(NOTIFICATION_QUEUES.deliverEmails, {}, NOTIFICATION_JOB_RETRY);
}
