import "server-only";
import { db, Prisma } from "../db";
import { env } from "../env";
import { ALL_INDICATORS } from "./all-indicators";
import {
  countRollupTrainees,
  isoDay,
  scopeSql,
  wholeMonthSpans,
  yearsOf,
  type TTraineeCounts,
} from "./count-rollup-trainees";
import { agentKeyOf, type TFigures, type TIndicatorResult } from "./compute-indicators";
import { monthsOf, type TMonthPoint } from "./compute-monthly-series";
import type { TRollupSums } from "./indicator";
import { headcountYearOf, type TFactScope } from "./load-indicator-facts";
import type { TBreakdown, TPeriod } from "./types";

// Whitelisted grouping columns, the same in both rollup tables (never a value from the request).
const COLUMN: Record<Exclude<TBreakdown, "none">, string> = {
  institution: "institutionId",
  region: "regionId",
  staffCategory: "staffCategory",
  population: "population",
  sex: "sex",
  modality: "modality",
  trainingType: "trainingType",
  theme: "themeId",
};

type TSumRow = { key: string | null; month: string | null; isTotal: boolean; isMonth: boolean; cells: number } & Omit<
  TRollupSums,
  "trainees" | "headcount" | "hoursPerDay" | "minutes"
> & {
    minutesOnline: number;
    minutesInPerson: number;
    minutesHybrid: number;
    minutesAll: number;
  };

/**
 * When the rollups of every year of the period were last rebuilt (the oldest of them), or null
 * when one year has none yet: then the dashboards compute from the raw rows instead.
 */
export async function getRollupFreshness(period: TPeriod): Promise<Date | null> {
  const years = yearsOf(period);
  const rows = await db.indicatorRollupYear.findMany({ where: { year: { in: years } }, select: { refreshedAt: true } });
  if (rows.length < years.length) return null;
  return new Date(Math.min(...rows.map((row) => row.refreshedAt.getTime())));
}

/** The dashboards' figures read from the rollup tables: the same definitions (`fromSums`), a few aggregate queries. */
export async function loadRollupIndicators(
  scope: TFactScope,
  breakdown: TBreakdown,
  options: { perAgentRows?: boolean } = {},
): Promise<TIndicatorResult & { series: TMonthPoint[] }> {
  const { period } = scope;
  const key = breakdown === "none" ? null : Prisma.raw(`"${COLUMN[breakdown]}"`);
  // Whole months read the month rollups, other periods the day rollups: the same sums.
  const isWholeMonths = wholeMonthSpans(period) !== null;
  const table = Prisma.raw(isWholeMonths ? `"IndicatorMonthRollup"` : `"IndicatorDayRollup"`);
  const dayColumn = Prisma.raw(isWholeMonths ? "r.month" : "r.day");
  const month = Prisma.sql`to_char(${dayColumn}, 'YYYY-MM')`;
  // One scan of the rollups for the total, the groups and the monthly hours (grouping sets).
  const sumsGrouping = key
    ? Prisma.sql`${key} AS key, ${month} AS month, GROUPING(${key}, ${month}) = 3 AS "isTotal", GROUPING(${key}, ${month}) = 2 AS "isMonth"`
    : Prisma.sql`NULL::text AS key, ${month} AS month, GROUPING(${month}) = 1 AS "isTotal", GROUPING(${month}) = 0 AS "isMonth"`;
  const sumsGroupBy = key
    ? Prisma.sql`GROUP BY GROUPING SETS ((), (${key}), (${month}))`
    : Prisma.sql`GROUP BY GROUPING SETS ((), (${month}))`;
  const headcountYear = headcountYearOf(period);
  const isCourseBreakdown = breakdown === "modality" || breakdown === "trainingType" || breakdown === "theme";
  const headcountKey =
    breakdown === "none"
      ? null
      : Prisma.raw(breakdown === "region" ? `i."regionId"` : `h."${COLUMN[breakdown]}"::text`);
  const headcountKeySelect = headcountKey
    ? Prisma.sql`${headcountKey} AS key, GROUPING(${headcountKey}) = 1 AS "isTotal"`
    : Prisma.sql`NULL::text AS key, true AS "isTotal"`;
  const headcountGroupBy = headcountKey ? Prisma.sql`GROUP BY GROUPING SETS ((), (${headcountKey}))` : Prisma.empty;
  const noCounts: TTraineeCounts = { byKey: new Map(), byMonth: new Map() };
  const [allSums, agentTrainees, headcounts, courseTrainees] = await Promise.all([
    db.$queryRaw<TSumRow[]>`
      SELECT ${sumsGrouping}, count(*)::int AS cells,
        sum(enrolments)::float8 AS enrolments, sum("openedCompleted")::float8 AS "openedCompleted", sum(completions)::float8 AS completions,
        sum("scoreSum")::float8 AS "scoreSum", sum("scoreCount")::float8 AS "scoreCount",
        coalesce(sum(minutes) FILTER (WHERE modality = 'ONLINE'), 0)::float8 AS "minutesOnline",
        coalesce(sum(minutes) FILTER (WHERE modality = 'IN_PERSON'), 0)::float8 AS "minutesInPerson",
        coalesce(sum(minutes) FILTER (WHERE modality = 'HYBRID'), 0)::float8 AS "minutesHybrid", sum(minutes)::float8 AS "minutesAll",
        sum("satisfactionSum")::float8 AS "satisfactionSum", sum("satisfactionCount")::float8 AS "satisfactionCount",
        sum("followUpSum")::float8 AS "followUpSum", sum("followUpCount")::float8 AS "followUpCount", sum(trips)::float8 AS trips, sum(km)::float8 AS km,
        sum("missionCents")::float8 AS "missionCents"
      FROM ${table} r
      WHERE ${dayColumn} >= ${isoDay(period.from)}::date AND ${dayColumn} < ${isoDay(period.to)}::date ${scopeSql(scope, "r")}
      ${sumsGroupBy}`,
    countRollupTrainees({
      scope,
      dimension: "agent",
      groupColumn: breakdown === "none" || isCourseBreakdown ? null : COLUMN[breakdown],
      withMonths: true,
      perAgentRows: options.perAgentRows,
    }),
    // Summed by PostgreSQL: thousands of cells nationally, a few dozen groups.
    isCourseBreakdown
      ? db.$queryRaw<{ key: string | null; isTotal: boolean; count: number }[]>`
          SELECT NULL::text AS key, true AS "isTotal", sum(h.count)::float8 AS count FROM "Headcount" h JOIN "Institution" i ON i.id = h."institutionId"
          WHERE h.year = ${headcountYear} ${scopeSql(scope, "h", "i")}`
      : db.$queryRaw<{ key: string | null; isTotal: boolean; count: number }[]>`
          SELECT ${headcountKeySelect}, sum(h.count)::float8 AS count FROM "Headcount" h JOIN "Institution" i ON i.id = h."institutionId"
          WHERE h.year = ${headcountYear} ${scopeSql(scope, "h", "i")} ${headcountGroupBy}`,
    isCourseBreakdown
      ? countRollupTrainees({ scope, dimension: breakdown, groupColumn: "value", perAgentRows: options.perAgentRows })
      : Promise.resolve(noCounts),
  ]);
  const sums = allSums.filter((row) => !row.isMonth);
  const hoursByMonth = new Map(allSums.filter((row) => row.isMonth).map((row) => [row.month, row.minutesAll]));
  const traineesOf = agentTrainees.byKey;
  const traineesByCourseValue = courseTrainees.byKey;
  const hoursPerDay = env().RELAIS_HOURS_PER_DAY;
  const agentKey = breakdown === "none" ? undefined : agentKeyOf(breakdown);
  const headcountOf = new Map(headcounts.map((row) => [row.isTotal ? null : row.key, row.count]));
  const figuresOf = (groupKey: string | null, row: TSumRow | undefined): TFigures => {
    const hasHeadcount = groupKey === null || agentKey !== undefined;
    const sums: TRollupSums = {
      trainees: (groupKey !== null && isCourseBreakdown ? traineesByCourseValue : traineesOf).get(groupKey) ?? 0,
      headcount: hasHeadcount ? headcountOf.get(groupKey) || null : null,
      enrolments: row?.enrolments ?? 0,
      openedCompleted: row?.openedCompleted ?? 0,
      completions: row?.completions ?? 0,
      scoreSum: row?.scoreSum ?? 0,
      scoreCount: row?.scoreCount ?? 0,
      minutes: {
        ONLINE: row?.minutesOnline ?? 0,
        IN_PERSON: row?.minutesInPerson ?? 0,
        HYBRID: row?.minutesHybrid ?? 0,
      },
      satisfactionSum: row?.satisfactionSum ?? 0,
      satisfactionCount: row?.satisfactionCount ?? 0,
      followUpSum: row?.followUpSum ?? 0,
      followUpCount: row?.followUpCount ?? 0,
      trips: row?.trips ?? 0,
      km: row?.km ?? 0,
      missionCents: row?.missionCents ?? 0,
      hoursPerDay,
    };
    return Object.fromEntries(ALL_INDICATORS.map((indicator) => [indicator.key, indicator.fromSums(sums)]));
  };
  const totalRow = sums.find((row) => row.isTotal);
  const groupRows = new Map(sums.filter((row) => !row.isTotal).map((row) => [row.key!, row]));
  // Groups as in the raw path: every key with a fact in the period, and (agent breakdowns) every key with a headcount.
  const keys = new Set([
    ...groupRows.keys(),
    ...[...headcountOf.keys()].filter((groupKey): groupKey is string => groupKey !== null),
  ]);
  return {
    total: figuresOf(null, totalRow),
    rows:
      breakdown === "none"
        ? []
        : [...keys]
            .sort()
            .map((groupKey) => ({ key: groupKey, figures: figuresOf(groupKey, groupRows.get(groupKey)) })),
    isEmpty: (totalRow?.cells ?? 0) === 0,
    series: monthsOf(period).map((month) => ({
      month: month.label,
      trainees: agentTrainees.byMonth.get(month.label) ?? 0,
      hours: (hoursByMonth.get(month.label) ?? 0) / 60,
    })),
  };
}
