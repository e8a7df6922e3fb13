import "server-only";
import { db, Prisma } from "../db";
import { DAYS_IN_BITMAP, EARLIER_YEARS, dayOfYear, type TTraineeDimension } from "./build-rollup-rows";
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
  for (let year = period.from.getUTCFullYear(); year <= new Date(period.to.getTime() - 1).getUTCFullYear(); year++)
    years.push(year);
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
 * The period as whole calendar months of at most EARLIER_YEARS + 1 years ([year, month mask] per
 * year), or null: the pre-counted table answers those periods (every dashboard preset: months,
 * quarters, years), the per-agent rows any other.
 */
export function wholeMonthSpans(period: TPeriod): { year: number; months: number }[] | null {
  const years = yearsOf(period);
  const isMonthStart = (date: Date) => date.getTime() === Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  if (years.length === 0 || years.length > EARLIER_YEARS + 1 || !isMonthStart(period.from) || !isMonthStart(period.to))
    return null;
  return years.map((year) => {
    const from = year === period.from.getUTCFullYear() ? period.from.getUTCMonth() : 0;
    const end = year === period.to.getUTCFullYear() ? period.to.getUTCMonth() : 12;
    let months = 0;
    for (let month = from; month < end; month++) months |= 1 << month;
    return { year, months };
  });
}

export type TTraineeCounts = {
  /** Distinct trainees of the period in total (key null) and per group. */
  byKey: Map<string | null, number>;
  /** Distinct trainees of each month of the period (clipped to it); only when asked for. */
  byMonth: Map<string, number>;
};

type TCountOptions = {
  scope: TFactScope;
  dimension: TTraineeDimension;
  /** Whitelisted column to group by (never a value from the request), or null for the total only. */
  groupColumn: string | null;
  withMonths?: boolean;
  /** Tests: the per-agent rows even for whole months, to prove both paths equal. */
  perAgentRows?: boolean;
};

const groupingOf = (key: Prisma.Sql | null) => ({
  select: key
    ? Prisma.sql`${key} AS key, GROUPING(${key}) = 1 AS "isTotal"`
    : Prisma.sql`NULL::text AS key, true AS "isTotal"`,
  groupBy: key ? Prisma.sql`GROUP BY GROUPING SETS ((), (${key}))` : Prisma.empty,
});

function toCounts(
  rows: ({ key: string | null; isTotal: boolean; trainees: number } & Record<string, unknown>)[],
  months: { label: string }[],
): TTraineeCounts {
  const total = rows.find((row) => row.isTotal);
  return {
    byKey: new Map(rows.map((row) => [row.isTotal ? null : row.key, row.trainees])),
    byMonth: new Map(months.map((month, index) => [month.label, Number(total?.[`m${index}`] ?? 0)])),
  };
}

/**
 * A period within one year that is not whole months: its whole months (mask, possibly 0) and its
 * partial months ("edges": at most the first and the last) with their days as in
 * IndicatorTraineeMonth.days (bit 30 - d = day d + 1). Null for periods over several years.
 */
export function monthEdges(
  period: TPeriod,
): { year: number; months: number; edges: { month: number; label: string; days: number }[] } | null {
  const years = yearsOf(period);
  if (years.length !== 1) return null;
  let months = 0;
  const edges: { month: number; label: string; days: number }[] = [];
  for (const month of monthsOf(period)) {
    const start = Date.UTC(month.year, month.period.from.getUTCMonth(), 1);
    const first = (month.period.from.getTime() - start) / 86_400_000;
    const end = (month.period.to.getTime() - start) / 86_400_000;
    const monthIndex = month.period.from.getUTCMonth();
    if (first === 0 && month.period.to.getTime() === Date.UTC(month.year, monthIndex + 1, 1)) {
      months |= 1 << monthIndex;
      continue;
    }
    let days = 0;
    for (let day = first; day < end; day++) days |= 1 << (30 - day);
    edges.push({ month: monthIndex, label: month.label, days });
  }
  return { year: years[0]!, months, edges };
}

/**
 * Distinct trainees of the period, in total, per group and (withMonths) per month, exactly.
 * - Whole months of up to six years: sums over IndicatorTraineeCount (an agent trained in
 *   several of them counts in the first only: a later year's row is skipped when its
 *   `earlierMonths` meet the period).
 * - Other periods within one year: the whole months so, plus the agents trained in the partial
 *   months' days and not in those whole months, from those months' IndicatorTraineeMonth rows.
 * - Otherwise the per-agent rows of the years: DISTINCT agents.
 */
export async function countRollupTrainees(options: TCountOptions): Promise<TTraineeCounts> {
  const { scope, dimension, groupColumn, withMonths = false } = options;
  const months = withMonths ? monthsOf(scope.period) : [];
  const grouping = groupingOf(groupColumn ? Prisma.raw(`t."${groupColumn}"`) : null);
  const spans = options.perAgentRows ? null : wholeMonthSpans(scope.period);
  if (spans) return countFromCountTable({ scope, dimension, grouping, spans, months });
  const split = options.perAgentRows ? null : monthEdges(scope.period);
  if (split) {
    const { year, edges } = split;
    const wholeMonths = months.filter((month) => !edges.some((edge) => edge.label === month.label));
    const edgeMonths = Prisma.join(edges.map((edge) => edge.month));
    // An agent has one row per month: within one partial month a count, over two DISTINCT agents.
    const trained = Prisma.sql`(${Prisma.join(
      edges.map((edge) => Prisma.sql`(t.month = ${edge.month}::int AND t.days & ${edge.days}::int <> 0)`),
      " OR ",
    )}) AND t.months & ${split.months}::int = 0`;
    const counted =
      edges.length > 1
        ? Prisma.sql`count(DISTINCT t."userId") FILTER (WHERE ${trained})`
        : Prisma.sql`count(*) FILTER (WHERE ${trained})`;
    const edgeColumns = edges.map(
      (edge, index) =>
        Prisma.sql`, count(*) FILTER (WHERE t.month = ${edge.month}::int AND t.days & ${edge.days}::int <> 0)::int AS ${Prisma.raw(`e${index}`)}`,
    );
    const [whole, rows] = await Promise.all([
      split.months === 0
        ? ({ byKey: new Map(), byMonth: new Map() } satisfies TTraineeCounts)
        : countFromCountTable({
            scope,
            dimension,
            grouping,
            spans: [{ year, months: split.months }],
            months: wholeMonths,
          }),
      db.$queryRaw<({ key: string | null; isTotal: boolean; trainees: number } & Record<string, number>)[]>`
        SELECT ${grouping.select}, ${counted}::int AS trainees ${Prisma.join(edgeColumns, " ")}
        FROM "IndicatorTraineeMonth" t
        WHERE t.year = ${year}::int AND t.month IN (${edgeMonths}) AND t.dimension = ${dimension} ${scopeSql(scope, "t")}
        ${grouping.groupBy}`,
    ]);
    const byKey = new Map(whole.byKey);
    for (const row of rows) {
      const key = row.isTotal ? null : row.key;
      byKey.set(key, (byKey.get(key) ?? 0) + row.trainees);
    }
    const total = rows.find((row) => row.isTotal);
    const byMonth = new Map(
      months.map((month) => {
        const edge = edges.findIndex((candidate) => candidate.label === month.label);
        return [month.label, edge >= 0 ? Number(total?.[`e${edge}`] ?? 0) : (whole.byMonth.get(month.label) ?? 0)];
      }),
    );
    return { byKey, byMonth: withMonths ? byMonth : new Map() };
  }
  return countFromAgentRows({ scope, dimension, grouping, months });
}

type TGrouping = ReturnType<typeof groupingOf>;

/** Whole months of up to EARLIER_YEARS + 1 consecutive years, from the pre-counted rows. */
async function countFromCountTable(options: {
  scope: TFactScope;
  dimension: TTraineeDimension;
  grouping: TGrouping;
  spans: { year: number; months: number }[];
  months: { label: string; year: number; period: TPeriod }[];
}): Promise<TTraineeCounts> {
  const { scope, dimension, grouping, spans, months } = options;
  // An agent counts in the first year of the period it was trained in: in a later year only when
  // its months of the period's earlier years (earlierMonths, bit 12 k + m = month m of year - 1 - k) miss them.
  const trained = Prisma.join(
    spans.map((span, index) => {
      const earlier = spans
        .slice(0, index)
        .reduce(
          (mask, previous) => mask | (BigInt(previous.months) << BigInt(12 * (span.year - 1 - previous.year))),
          0n,
        );
      return Prisma.sql`(t.year = ${span.year}::int AND t.months & ${span.months}::int <> 0 AND t."earlierMonths" & ${earlier.toString()}::bigint = 0)`;
    }),
    " OR ",
  );
  const monthColumns = months.map(
    (month, index) =>
      Prisma.sql`, coalesce(sum(t.agents) FILTER (WHERE t.year = ${month.year}::int AND t.months & ${1 << month.period.from.getUTCMonth()}::int <> 0), 0)::int AS ${Prisma.raw(`m${index}`)}`,
  );
  const rows = await db.$queryRaw<{ key: string | null; isTotal: boolean; trainees: number }[]>`
    SELECT ${grouping.select}, coalesce(sum(t.agents) FILTER (WHERE ${trained}), 0)::int AS trainees ${monthColumns.length > 0 ? Prisma.join(monthColumns, " ") : Prisma.empty}
    FROM "IndicatorTraineeCount" t
    WHERE t.dimension = ${dimension} AND t.year = ANY(${spans.map((span) => span.year)}::int[]) ${scopeSql(scope, "t")}
    ${grouping.groupBy}`;
  return toCounts(rows, months);
}

/** Any period: the per-agent rows of its years (DISTINCT agents across years), and each month's, in one scan. */
async function countFromAgentRows(options: {
  scope: TFactScope;
  dimension: TTraineeDimension;
  grouping: TGrouping;
  months: ReturnType<typeof monthsOf>;
}): Promise<TTraineeCounts> {
  const { scope, dimension, grouping, months } = options;
  const { select, groupBy } = grouping;
  // One scan of the year's per-agent rows for the period and each of its months.
  const years = yearsOf(scope.period);
  const trained = Prisma.join(
    years.map((year) => trainedIn(year, scope.period)),
    " OR ",
  );
  const counted =
    years.length > 1
      ? Prisma.sql`count(DISTINCT t."userId") FILTER (WHERE ${trained})`
      : Prisma.sql`count(*) FILTER (WHERE ${trained})`;
  const monthColumns = months.map(
    (month, index) =>
      Prisma.sql`, count(*) FILTER (WHERE ${trainedIn(month.year, month.period)})::int AS ${Prisma.raw(`m${index}`)}`,
  );
  const rows = await db.$queryRaw<{ key: string | null; isTotal: boolean; trainees: number }[]>`
    SELECT ${select}, ${counted}::int AS trainees ${monthColumns.length > 0 ? Prisma.join(monthColumns, " ") : Prisma.empty}
    FROM "IndicatorTraineeRollup" t
    WHERE t.dimension = ${dimension} AND t.year = ANY(${years}::int[]) ${scopeSql(scope, "t")}
    ${groupBy}`;
  return toCounts(rows, months);
}
