import "server-only";
import PgBoss from "pg-boss";
import { parseEnv } from "../env-schema";
import { INDICATOR_QUEUES, registerIndicatorJobs } from "../indicators/register-indicator-jobs";
import {
  NOTIFICATION_JOB_RETRY,
  NOTIFICATION_QUEUES,
  registerNotificationJobs,
} from "../notifications/register-notification-jobs";
import { registerPrivacyJobs } from "../privacy/register-privacy-jobs";
import { registerSessionJobs } from "../sessions/register-session-jobs";
import { registerSurveyJobs } from "../surveys/register-survey-jobs";
import { registerIndicatorJobWorkers } from "./register-indicator-job-workers";
import { registerNetworkJobs } from "../networks/register-network-jobs";

const globalForBoss = globalThis as unknown as { relaisBoss?: Promise<PgBoss> };

/**
 * Starts pg-boss (its own schema "pgboss" in the same database) and every area's workers, once
 * per process. Each worker lives in the domain it serves; this module only wires them. Called
 * when the Next.js server starts (instrumentation.ts) and by tests. Several replicas may run it:
 * pg-boss hands each job to one worker and each cron tick to one schedule.
 */
export function startJobs(options: { connectionString?: string; schedule?: boolean } = {}): Promise<PgBoss> {
  globalForBoss.relaisBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: options.connectionString ?? parseEnv(process.env).DATABASE_URL });
    boss.on("error", (error) => console.error("pg-boss:", error));
    await boss.start();
    const schedule = options.schedule !== false;
    // Each area registers its queues, workers and schedules here, one line each.
    await registerNotificationJobs(boss, { schedule });
    await registerSessionJobs(boss, { schedule });
    await registerIndicatorJobs(boss, { schedule });
    await registerSurveyJobs(boss, { schedule });
    await registerIndicatorJobWorkers(boss, { schedule });
    await registerPrivacyJobs(boss, { schedule });
    await registerNetworkJobs(boss, { schedule, cron: parseEnv(process.env).RELAIS_NETWORK_DIGEST_CRON });
    return boss;
  })();
  // A failed start (database down) must not poison the cache: the next call tries again.
  globalForBoss.relaisBoss.catch(() => (globalForBoss.relaisBoss = undefined));
  return globalForBoss.relaisBoss;
}

/** Stops the workers of this process (tests, shutdown); a later startJobs starts afresh. */
export async function stopJobs(): Promise<void> {
  const running = globalForBoss.relaisBoss;
  globalForBoss.relaisBoss = undefined;
  if (running) await (await running).stop({ graceful: false, wait: true });
}

/**
 * After the mission-cost scales changed: rebuild now the rollups whose travel figures follow them
 * (the scheduled refresh would within 15 minutes). Same rule as requestEmailDelivery.
 */
export async function requestIndicatorRefresh(): Promise<void> {
  const running = globalForBoss.relaisBoss;
  if (!running) return;
  try {
    await (
      await running
    ).send(INDICATOR_QUEUES.refreshRollups, {}, { singletonKey: "refresh-now", singletonSeconds: 10 });
  } catch (error) {
    console.error("Could not queue the indicator refresh; the scheduled one will run:", error);
  }
}

/**
 * After a change that notified people: ask for the e-mails now rather than at the next minute
 * sweep. Only where this process runs the jobs (started with the server): a web process started
 * with RELAIS_JOBS=false leaves them to the workers' sweep. Never fails the request.
 */
export async function requestEmailDelivery(): Promise<void> {
  const running = globalForBoss.relaisBoss;
  if (!running) return;
  try {
    const boss = await running;
    await boss.send(
      NOTIFICATION_QUEUES.deliverEmails,
      {},
      { ...NOTIFICATION_JOB_RETRY, singletonKey: "deliver", singletonSeconds: 2 },
    );
  } catch (error) {
    console.error("Could not queue e-mail delivery; the minute sweep will send them:", error);
  }
}
