import "server-only";
import type PgBoss from "pg-boss";
import { NOTIFICATION_JOB_RETRY, requestDeliveryOn } from "../notifications/register-notification-jobs";
import { sendNetworkDigests } from "./send-network-digests";

export const NETWORK_QUEUES = { digests: "networks-digests" } as const;

/**
 * The networks' queue: the digest run, hourly by default (each member's daily or weekly period
 * is counted from their previous digest, so the run's frequency only sets the precision).
 * RELAIS_NETWORK_DIGEST_CRON changes it (the end-to-end server runs it every minute).
 * Digests are notifications: the e-mail worker of the outbox is asked to send them at once.
 */
export async function registerNetworkJobs(boss: PgBoss, options: { schedule: boolean; cron: string }): Promise<void> {
  await boss.createQueue(NETWORK_QUEUES.digests, { name: NETWORK_QUEUES.digests, ...NOTIFICATION_JOB_RETRY });
  await boss.work(NETWORK_QUEUES.digests, async () => {
    if ((await sendNetworkDigests()) > 0) await requestDeliveryOn(boss);
  });
  if (!options.schedule) return;
  await boss.schedule(NETWORK_QUEUES.digests, options.cron, {}, NOTIFICATION_JOB_RETRY);
}
