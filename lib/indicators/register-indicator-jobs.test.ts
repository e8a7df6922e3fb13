import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { INDICATOR_QUEUES, registerIndicatorJobs } from "./register-indicator-jobs";
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

  it("keeps this year and last year fresh when no year is given", () => {
    expect(yearsToRefresh(new Date("2027-01-03T00:00:00Z"))).toEqual([2026, 2027]);
  });
});
