import "server-only";
import type PgBoss from "pg-boss";
import { applyRetention } from "./apply-retention";

export const PRIVACY_QUEUES = { retention: "privacy-apply-retention" } as const;

const RETRY = { retryLimit: 5, retryDelay: 300, retryBackoff: true } as const;

/** The privacy queue and its daily schedule, registered by startJobs (lib/jobs/boss.ts). */
export async function registerPrivacyJobs(boss: PgBoss, options: { schedule?: boolean } = {}): Promise<void> {
  await boss.createQueue(PRIVACY_QUEUES.retention, { name: PRIVACY_QUEUES.retention, ...RETRY });
  await boss.work(PRIVACY_QUEUES.retention, async () => {
    const result = await applyRetention();
    console.log("Retention applied:", JSON.stringify(result));
  });
  if (options.schedule !== false) await boss.schedule(PRIVACY_QUEUES.retention, "15 2 * * *", {}, RETRY);
}
