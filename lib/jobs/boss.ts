import "server-only";
import PgBoss from "pg-boss";
import { env } from "../env";
import { deliverPendingEmails } from "../notifications/deliver-emails";
import { createMailTransport } from "../notifications/mail-transport";
import { sendReminders } from "../notifications/send-reminders";
import { expireOffers } from "../sessions/expire-offers";
import { registerIndicatorJobs } from "../indicators/indicator-jobs";

export const QUEUES = { deliverEmails: "notifications-deliver", reminders: "sessions-reminders", expireOffers: "sessions-expire-offers" } as const;

/** Retries with backoff: an SMTP outage of minutes or hours loses no e-mail (the outbox rows stay unsent). */
const RETRY = { retryLimit: 20, retryDelay: 30, retryBackoff: true } as const;

const globalForBoss = globalThis as unknown as { relaisBoss?: Promise<PgBoss> };

/** Starts pg-boss (its own schema "pgboss" in the same database) and the session workers, once per process. */
export function startJobs(options: { connectionString?: string; schedule?: boolean } = {}): Promise<PgBoss> {
  globalForBoss.relaisBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: options.connectionString ?? env().DATABASE_URL });
    boss.on("error", (error) => console.error("pg-boss:", error));
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...RETRY });
    const transport = createMailTransport();
    await boss.work(QUEUES.deliverEmails, async () => {
      await deliverPendingEmails({ transport });
    });
    await boss.work(QUEUES.reminders, async () => {
      await sendReminders();
      await boss.send(QUEUES.deliverEmails, {}, RETRY);
    });
    await boss.work(QUEUES.expireOffers, async () => {
      if ((await expireOffers()) > 0) await boss.send(QUEUES.deliverEmails, {}, RETRY);
    });
    await registerIndicatorJobs(boss, { schedule: options.schedule });
    if (options.schedule !== false) {
      // The sweep also catches notifications committed while no job was queued (crash after commit).
      await boss.schedule(QUEUES.deliverEmails, "* * * * *", {}, RETRY);
      await boss.schedule(QUEUES.reminders, "0 * * * *", {}, RETRY);
      await boss.schedule(QUEUES.expireOffers, "*/5 * * * *", {}, RETRY);
    }
    return boss;
  })();
  return globalForBoss.relaisBoss;
}

/** After a change that notified people: ask for the e-mails now rather than at the next sweep. Never fails the request. */
export async function requestEmailDelivery(): Promise<void> {
  try {
    const boss = await startJobs();
    await boss.send(QUEUES.deliverEmails, {}, { ...RETRY, singletonKey: "deliver", singletonSeconds: 2 });
  } catch (error) {
    console.error("Could not queue e-mail delivery; the minute sweep will send them:", error);
  }
}
