import "server-only";
import { db, Prisma } from "../db";
import { DAYS_IN_BITMAP, dayOfYear, type TTraineeDimension } from "./build-rollup-rows";
import { monthsOf } from "./compute-monthly-series";
import type { TFactScope } from "./load-indicator-facts";
import type { TPeriod } from "./types";

const ZERO = "0".repeat(DAYS_IN_BITMAP);
/** Dates as YYYY-MM-DD strings: a timestamp cast to date would follow the session's time zone. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Days of `year` within [from, to) as a bit(366) literal: bit i is day i of the year (UTC). */
export function dayMask(year: number, period: TPeriod): string {
  const first = Math.max(0, dayOfYear(period.from, year));
  const end = Math.min(dayOfYear(new Date(Date.UTC(year + 1, 0, 1)), year), dayOfYear(period.to, year));
  return Array.from({ length: DAYS_IN_BITMAP }, (_, day) => (day >= first && day < end ? "1" : "0")).join("");
}

export function yearsOf(period: TPeriod): number[] {
  const years: number[] = [];
  for (let year = period.from.getUTCFullYear(); year <= new Date(period.to.getTime() - 1).getUTCFullYear(); year++) years.push(year);
  return years;
}

/**
 * "Trained within the period" for the rows of one year. Whole months (the usual dashboard
 * periods) test the 12-bit month mask, an integer AND; other days test the 366-bit day mask.
 */
function trainedIn(year: number, period: TPeriod) {
  const from = new Date(Math.max(period.from.getTime(), Date.UTC(year, 0, 1)));
  const to = new Date(Math.min(period.to.getTime(), Date.UTC(year + 1, 0, 1)));
  const isMonthStart = (date: Date) => isoDay(date).endsWith("-01");
  if (isMonthStart(from) && isMonthStart(to)) {
    const endMonth = to.getUTCFullYear() > year ? 12 : to.getUTCMonth();
    let months = 0;
    for (let month = from.getUTCMonth(); month < endMonth; month++) months |= 1 << month;
    return Prisma.sql`(t.year = ${year}::int AND t.months & ${months}::int <> 0)`;
  }
  return Prisma.sql`(t.year = ${year}::int AND (t.days & ${dayMask(year, period)}::bit(366)) <> ${ZERO}::bit(366))`;
}

/** The scope as SQL; `regionAlias` is the table holding "regionId" when it is not `alias` (headcounts). */
export function scopeSql(scope: Omit<TFactScope, "period">, alias: string, regionAlias = alias) {
  return Prisma.sql`${scope.institutionIds === "all" ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(alias)}."institutionId" IN (${Prisma.join(scope.institutionIds.length > 0 ? scope.institutionIds : [""])})`}
    ${scope.regionId ? Prisma.sql`AND ${Prisma.raw(regionAlias)}."regionId" = ${scope.regionId}` : Prisma.empty}`;
}

/**
 * Distinct trainees of the period, in total (key null) or per group. Each agent has one row per
 * year and group, so within one year a plain count is exact; across years an agent may have a
 * row in each, hence DISTINCT then.
 */
export async function countRollupTrainees(options: {
  scope: TFactScope;
  dimension: TTraineeDimension;
  /** Whitelisted column to group by (never a value from the request), or null for the total only. */
  groupColumn: string | null;
}): Promise<Map<string | null, number>> {
  const { scope, dimension, groupColumn } = options;
  const years = yearsOf(scope.period);
  const counted = years.length > 1 ? Prisma.sql`count(DISTINCT t."userId")` : Prisma.sql`count(*)`;
  const key = groupColumn ? Prisma.raw(`t."${groupColumn}"`) : null;
  const rows = await db.$queryRaw<{ key: string | null; isTotal: boolean; trainees: number }[]>`
    SELECT ${key ? Prisma.sql`${key} AS key, GROUPING(${key}) = 1 AS "isTotal"` : Prisma.sql`NULL::text AS key, true AS "isTotal"`}, ${counted}::int AS trainees
    FROM "IndicatorTraineeRollup" t
    WHERE t.dimension = ${dimension} AND (${Prisma.join(years.map((year) => trainedIn(year, scope.period)), " OR ")}) ${scopeSql(scope, "t")}
    ${key ? Prisma.sql`GROUP BY GROUPING SETS ((), (${key}))` : Prisma.empty}`;
  return new Map(rows.map((row) => [row.isTotal ? null : row.key, row.trainees]));
}

/** Distinct trainees of each month of the period (clipped to it), as computeMonthlySeries: one scan, one FILTER per month. */
export async function countRollupTraineesByMonth(scope: TFactScope): Promise<Map<string, number>> {
  const months = monthsOf(scope.period);
  if (months.length === 0) return new Map();
  const rows = await db.$queryRaw<Record<string, number>[]>`
    SELECT ${Prisma.join(months.map((month, index) => Prisma.sql`count(*) FILTER (WHERE ${trainedIn(month.year, month.period)})::int AS ${Prisma.raw(`m${index}`)}`))}
    FROM "IndicatorTraineeRollup" t
    WHERE t.dimension = 'agent' AND t.year = ANY(${yearsOf(scope.period)}::int[]) ${scopeSql(scope, "t")}`;
  return new Map(months.map((month, index) => [month.label, rows[0]?.[`m${index}`] ?? 0]));
}
