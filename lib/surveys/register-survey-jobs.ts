import "server-only";
import type PgBoss from "pg-boss";
import { sendDueFollowUpSurveys } from "./send-due-follow-up-surveys";

export const SURVEY_QUEUES = {
  followUpSurveys: "surveys-send-follow-up",
} as const;

const RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const;

/** The surveys' queue and worker (follow-up invitations), registered by startJobs (lib/jobs/boss.ts). */
export async function registerSurveyJobs(boss: PgBoss, options: { schedule?: boolean } = {}): Promise<void> {
  for (const name of Object.values(SURVEY_QUEUES)) await boss.createQueue(name, { name, ...RETRY });
  // Idempotent (an agent already invited or who answered is skipped): safe to retry and to run daily.
  await boss.work(SURVEY_QUEUES.followUpSurveys, async () => {
    await sendDueFollowUpSurveys();
  });
  if (options.schedule !== false) await boss.schedule(SURVEY_QUEUES.followUpSurveys, "0 6 * * *", {}, RETRY);
}
