import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { registerSurveyJobs, SURVEY_QUEUES } from "./register-survey-jobs";

const boss = new PgBoss({ connectionString: process.env.DATABASE_URL! });
beforeAll(async () => {
  await boss.start();
  await registerSurveyJobs(boss, { schedule: false });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

describe("the follow-up survey job (real pg-boss on the test database)", () => {
  it("invites agents to the follow-up survey once their completion is old enough (RELAIS_FOLLOW_UP_DELAY_DAYS)", async () => {
    const data = await createHandComputedDataSet({ yearShift: -4 }); // completions in 2022: long past the delay
    await boss.send(SURVEY_QUEUES.followUpSurveys, {});
    await expect
      .poll(() => db.notification.count({ where: { userId: data.users.u2.id, kind: "survey.followUp" } }), {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(1);
    expect(await db.notification.count({ where: { userId: data.users.u4.id, kind: "survey.followUp" } })).toBe(0); // nothing completed
  });
});
