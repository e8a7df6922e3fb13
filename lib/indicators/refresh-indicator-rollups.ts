import "server-only";
import { db } from "../db";
import { buildRollupRows, type TDayRollupRow, type TTraineeRollupRow } from "./build-rollup-rows";
import { loadIndicatorFacts } from "./load-indicator-facts";

/** Rows per INSERT: arrays of 5,000 keep each statement's parameters small and the transaction short. */
const CHUNK = 5_000;

function chunks<T>(rows: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < rows.length; index += CHUNK) result.push(rows.slice(index, index + CHUNK));
  return result;
}

const bits = (days: Uint8Array) => Array.from(days, (bit) => (bit ? "1" : "0")).join("");

/**
 * Rebuilds one calendar year of the rollup tables from the raw rows (the same loader as the
 * dashboards' raw path), in one transaction: readers see the old year or the new one, never half.
 * An advisory lock per year keeps two refreshes (the job and a manual run) from interleaving.
 * `refreshedAt` is the time the raw rows were read: what the figures are "as of".
 */
export async function refreshIndicatorRollups(options: { year: number }): Promise<{ year: number; dayRows: number; traineeRows: number; refreshedAt: Date }> {
  const { year } = options;
  const refreshedAt = new Date();
  const facts = await loadIndicatorFacts({ institutionIds: "all", period: { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) } });
  const rows = buildRollupRows(facts, year);
  await db.$transaction(
    async (tx) => {
      // This year and the next (whose trainee counts refer to this year's), always in that order.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('indicator-rollups'), ${year}::int)`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('indicator-rollups'), ${year + 1}::int)`;
      await tx.$executeRaw`DELETE FROM "IndicatorDayRollup" WHERE day >= make_date(${year}::int, 1, 1) AND day < make_date(${year + 1}::int, 1, 1)`;
      await tx.$executeRaw`DELETE FROM "IndicatorTraineeRollup" WHERE year = ${year}::int`;
      for (const part of chunks(rows.days)) await insertDayRows(tx, part);
      for (const part of chunks(rows.trainees)) await insertTraineeRows(tx, part);
      await recountTrainees(tx, year);
      await recountTrainees(tx, year + 1);
      await tx.indicatorRollupYear.upsert({ where: { year }, create: { year, refreshedAt }, update: { refreshedAt } });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { year, dayRows: rows.days.length, traineeRows: rows.trainees.length, refreshedAt };
}

type TTx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);

async function insertDayRows(tx: TTx, rows: TDayRollupRow[]) {
  await tx.$executeRaw`
    INSERT INTO "IndicatorDayRollup" (day, "institutionId", "regionId", "staffCategory", population, sex, modality, "trainingType", "themeId",
      enrolments, "openedCompleted", completions, "scoreSum", "scoreCount", minutes, "satisfactionSum", "satisfactionCount", "followUpSum", "followUpCount", trips, km)
    SELECT * FROM unnest(${column(rows, "day")}::date[], ${column(rows, "institutionId")}::text[], ${column(rows, "regionId")}::text[],
      ${column(rows, "staffCategory")}::text[], ${column(rows, "population")}::text[], ${column(rows, "sex")}::text[], ${column(rows, "modality")}::text[],
      ${column(rows, "trainingType")}::text[], ${column(rows, "themeId")}::text[], ${column(rows, "enrolments")}::int[], ${column(rows, "openedCompleted")}::int[],
      ${column(rows, "completions")}::int[], ${column(rows, "scoreSum")}::float8[], ${column(rows, "scoreCount")}::int[], ${column(rows, "minutes")}::float8[],
      ${column(rows, "satisfactionSum")}::float8[], ${column(rows, "satisfactionCount")}::int[], ${column(rows, "followUpSum")}::float8[],
      ${column(rows, "followUpCount")}::int[], ${column(rows, "trips")}::int[], ${column(rows, "km")}::float8[])`;
}

async function insertTraineeRows(tx: TTx, rows: TTraineeRollupRow[]) {
  await tx.$executeRaw`
    INSERT INTO "IndicatorTraineeRollup" (year, dimension, value, "userId", "institutionId", "regionId", "staffCategory", population, sex, months, days)
    SELECT year, dimension, value, "userId", "institutionId", "regionId", "staffCategory", population, sex, months, days::bit(366)
    FROM unnest(${column(rows, "year")}::int[], ${column(rows, "dimension")}::text[], ${column(rows, "value")}::text[], ${column(rows, "userId")}::text[],
      ${column(rows, "institutionId")}::text[], ${column(rows, "regionId")}::text[], ${column(rows, "staffCategory")}::text[], ${column(rows, "population")}::text[],
      ${column(rows, "sex")}::text[], ${column(rows, "months")}::int[], ${rows.map((row) => bits(row.days))}::text[])
      AS t(year, dimension, value, "userId", "institutionId", "regionId", "staffCategory", population, sex, months, days)`;
}

/**
 * IndicatorTraineeCount of a year from the per-agent rows of that year and the year before:
 * agents per group, months of training and months of training the year before.
 */
async function recountTrainees(tx: TTx, year: number) {
  await tx.$executeRaw`DELETE FROM "IndicatorTraineeCount" WHERE year = ${year}::int`;
  await tx.$executeRaw`
    INSERT INTO "IndicatorTraineeCount" (year, dimension, value, "institutionId", "regionId", "staffCategory", population, sex, months, "prevMonths", agents)
    SELECT t.year, t.dimension, t.value, t."institutionId", t."regionId", t."staffCategory", t.population, t.sex, t.months, coalesce(p.months, 0), count(*)::int
    FROM "IndicatorTraineeRollup" t
    LEFT JOIN "IndicatorTraineeRollup" p ON p.year = ${year - 1}::int AND p.dimension = t.dimension AND p.value = t.value AND p."userId" = t."userId"
    WHERE t.year = ${year}::int
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
}

/** The years the scheduled job keeps fresh: late completions and surveys still change last year's figures. */
export function yearsToRefresh(now = new Date()): number[] {
  return [now.getUTCFullYear() - 1, now.getUTCFullYear()];
}
