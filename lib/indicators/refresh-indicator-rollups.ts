import "server-only";
import { db } from "../db";
import { getMissionScales } from "../mission-costs/get-mission-scales";
import type { TMissionScales } from "../mission-costs/mission-scales";
import { env } from "../env";
import {
  EARLIER_YEARS,
  insertDayRollupRowsSql,
  insertMonthRollupRowsSql,
  insertTraineeMonthRowsSql,
  insertTraineeRollupRowsSql,
} from "./build-rollup-rows";

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Rebuilds one calendar year of the rollup tables from the raw rows, in one transaction:
 * readers see the old year or the new one, never half. PostgreSQL builds the rows itself
 * (INSERT … SELECT, lib/indicators/build-rollup-rows.ts): a national year takes seconds.
 * Advisory locks per year keep two refreshes (the job and a manual run) from interleaving;
 * the next years' are taken too, as their trainee counts refer to this year's.
 * `refreshedAt` is when the raw rows started being read: what the figures are "as of".
 */
export async function refreshIndicatorRollups(options: {
  year: number;
  /** The mission-cost scales to compute with; the national ones when not given (tests pin theirs). */
  missionScales?: TMissionScales;
}): Promise<{ year: number; dayRows: number; traineeRows: number; refreshedAt: Date }> {
  const { year } = options;
  const missionScales = options.missionScales ?? (await getMissionScales());
  return db.$transaction(
    async (tx) => {
      // This year and the next EARLIER_YEARS (whose trainee counts refer to this year's), in that order.
      for (let locked = year; locked <= year + EARLIER_YEARS; locked++)
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('indicator-rollups'), ${locked}::int)`;
      const refreshedAt = new Date();
      await tx.$executeRaw`DELETE FROM "IndicatorDayRollup" WHERE day >= make_date(${year}::int, 1, 1) AND day < make_date(${year + 1}::int, 1, 1)`;
      await tx.$executeRaw`DELETE FROM "IndicatorMonthRollup" WHERE month >= make_date(${year}::int, 1, 1) AND month < make_date(${year + 1}::int, 1, 1)`;
      await tx.$executeRaw`DELETE FROM "IndicatorTraineeRollup" WHERE year = ${year}::int`;
      await tx.$executeRaw`DELETE FROM "IndicatorTraineeMonth" WHERE year = ${year}::int`;
      const dayRows = await tx.$executeRaw(insertDayRollupRowsSql(year, env().RELAIS_HOURS_PER_DAY, missionScales));
      await tx.$executeRaw(insertMonthRollupRowsSql(year));
      const traineeRows = await tx.$executeRaw(insertTraineeRollupRowsSql(year));
      await tx.$executeRaw(insertTraineeMonthRowsSql(year));
      for (let counted = year; counted <= year + EARLIER_YEARS; counted++) await recountTrainees(tx, counted);
      // Fresh statistics for the planner: the tables changed wholesale (ANALYZE runs in a transaction; VACUUM could not).
      await tx.$executeRaw`ANALYZE "IndicatorDayRollup", "IndicatorMonthRollup", "IndicatorTraineeRollup", "IndicatorTraineeMonth", "IndicatorTraineeCount"`;
      await tx.indicatorRollupYear.upsert({ where: { year }, create: { year, refreshedAt }, update: { refreshedAt } });
      return { year, dayRows, traineeRows, refreshedAt };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/**
 * IndicatorTraineeCount of a year from the per-agent rows of that year and of the EARLIER_YEARS
 * before: agents per group, months of training and months of training in each earlier year.
 */
async function recountTrainees(tx: TTx, year: number) {
  await tx.$executeRaw`DELETE FROM "IndicatorTraineeCount" WHERE year = ${year}::int`;
  await tx.$executeRaw`
    INSERT INTO "IndicatorTraineeCount" (year, dimension, value, "institutionId", "regionId", "staffCategory", population, sex, months, "earlierMonths", agents)
    SELECT t.year, t.dimension, t.value, t."institutionId", t."regionId", t."staffCategory", t.population, t.sex, t.months, coalesce(p.months, 0), count(*)::int
    FROM "IndicatorTraineeRollup" t
    LEFT JOIN (
      SELECT "userId", dimension, value, bit_or(months::bigint << (12 * (${year - 1}::int - year))) AS months
      FROM "IndicatorTraineeRollup" WHERE year BETWEEN ${year - EARLIER_YEARS}::int AND ${year - 1}::int
      GROUP BY 1, 2, 3
    ) p ON p.dimension = t.dimension AND p.value = t.value AND p."userId" = t."userId"
    WHERE t.year = ${year}::int
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
}

/**
 * The years the scheduled job keeps fresh: last year and this one (late completions and surveys
 * still change last year's figures), and every year rolled up before the mission-cost scales last
 * changed (their travel figures follow the scales).
 */
export async function yearsToRefresh(now = new Date()): Promise<number[]> {
  const scales = await getMissionScales();
  const outdated = scales.updatedAt
    ? await db.indicatorRollupYear.findMany({
        where: { refreshedAt: { lt: scales.updatedAt } },
        select: { year: true },
      })
    : [];
  return [...new Set([now.getUTCFullYear() - 1, now.getUTCFullYear(), ...outdated.map((row) => row.year)])].sort(
    (a, b) => a - b,
  );
}
