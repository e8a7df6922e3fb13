import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createHandComputedDataSet } from "./hand-computed-data-set";
import { INDICATOR_QUEUES, registerIndicatorJobs } from "./indicator-jobs";
import { yearsToRefresh } from "./refresh-indicator-rollups";

const boss = new PgBoss({ connectionString: process.env.DATABASE_URL! });
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

describe("the rollup refresh job (real pg-boss on the test database)", () => {
  it("rebuilds the requested years and records their refresh time", async () => {
    await boss.start();
    await registerIndicatorJobs(boss, { schedule: false });
    const before = new Date();
    await boss.send(INDICATOR_QUEUES.refreshRollups, { years: [2031] });
    await expect
      .poll(
        async () => (await db.indicatorRollupYear.findUnique({ where: { year: 2031 } }))?.refreshedAt.getTime() ?? 0,
        { timeout: 60_000, interval: 250 },
      )
      .toBeGreaterThanOrEqual(before.getTime());
  });

  it("invites agents to the follow-up survey once their completion is old enough (RELAIS_FOLLOW_UP_DELAY_DAYS)", async () => {
    const data = await createHandComputedDataSet({ yearShift: -4 }); // completions in 2022: long past the delay
    await boss.send(INDICATOR_QUEUES.followUpSurveys, {});
    await expect
      .poll(() => db.notification.count({ where: { userId: data.users.u2.id, kind: "survey.followUp" } }), {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(1);
    expect(await db.notification.count({ where: { userId: data.users.u4.id, kind: "survey.followUp" } })).toBe(0); // nothing completed
  });

  it("keeps this year and last year fresh when no year is given", () => {
    expect(yearsToRefresh(new Date("2027-01-03T00:00:00Z"))).toEqual([2026, 2027]);
  });
});
