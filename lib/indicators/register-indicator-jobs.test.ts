import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { INDICATOR_QUEUES, registerIndicatorJobs } from "./register-indicator-jobs";
import { yearsToRefresh } from "./refresh-indicator-rollups";
import { MISSION_SCALES_ID } from "../mission-costs/get-mission-scales";

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

  it("keeps this year and last year fresh when no year is given, and every year rolled up before the mission-cost scales changed", async () => {
    // 2040 was rolled up long ago, 2041 after any change of the scales (test years nothing else rolls up).
    await db.indicatorRollupYear.createMany({
      data: [
        { year: 2040, refreshedAt: new Date("2000-01-01T00:00:00Z") },
        { year: 2041, refreshedAt: new Date("2100-01-01T00:00:00Z") },
      ],
    });
    try {
      const scales = await db.missionCostScale.findUnique({ where: { id: MISSION_SCALES_ID } });
      // Saved again as they are (another test file may have set them): their updatedAt moves to now.
      await db.missionCostScale.upsert({
        where: { id: MISSION_SCALES_ID },
        create: { id: MISSION_SCALES_ID },
        update: { updatedById: scales?.updatedById ?? null },
      });
      // Other files' years rolled up before that save are listed too: only ours are asserted.
      const years = await yearsToRefresh(new Date("2027-01-03T00:00:00Z"));
      expect(years).toEqual(expect.arrayContaining([2026, 2027, 2040]));
      expect(years).not.toContain(2041);
    } finally {
      await db.indicatorRollupYear.deleteMany({ where: { year: { in: [2040, 2041] } } });
    }
  });
});
