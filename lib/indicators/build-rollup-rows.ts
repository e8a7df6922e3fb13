// A year of raw rows → the rows of the rollup tables, as INSERT … SELECT run by PostgreSQL (a
// national year in seconds, not minutes: nothing travels to Node). Every contribution follows the
// written definitions of lib/indicators/measures, keyed by the UTC day it happened, so that summing
// the days of any period gives that period's figures; lib/indicators/rollups.test.ts proves both
// paths equal on the hand-computed data set, breakdown by breakdown.
import "server-only";
import { Prisma } from "../db";
import { NOT_RECORDED } from "./types";
import type { TMissionScales } from "../mission-costs/mission-scales";
import { SESSION_DAYS_ATTENDED } from "./load-indicator-facts";
import { TRAVEL_ASSUMPTIONS } from "./measures/travel-avoided";

export const DAYS_IN_BITMAP = 366;

/** Years before each year whose months of training IndicatorTraineeCount records (`earlierMonths`: 12 bits each in a bigint). */
export const EARLIER_YEARS = 5;

/** The groups an agent is counted in once: as an agent (agent breakdowns and totals) and per course dimension value. */
export const TRAINEE_DIMENSIONS = ["agent", "modality", "trainingType", "theme"] as const;
export type TTraineeDimension = (typeof TRAINEE_DIMENSIONS)[number];

export function dayOfYear(date: Date, year: number): number {
  return Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000);
}

/** [from, to) of a calendar year, as timestamps without time zone (how the raw rows store UTC instants). */
const bounds = (year: number) => ({
  from: Prisma.sql`make_timestamp(${year}::int, 1, 1, 0, 0, 0)`,
  to: Prisma.sql`make_timestamp(${year + 1}::int, 1, 1, 0, 0, 0)`,
});

/** Great-circle distance in km between a workplace (alias w: lat, lng) and a relay site (alias s), as haversineKm. */
const HAVERSINE_KM = Prisma.sql`2 * 6371 * asin(sqrt(power(sin(radians(s.latitude - w.lat) / 2), 2)
  + cos(radians(w.lat)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - w.lng) / 2), 2)))`;

/** The agent's breakdown columns (u: User, i: Institution) and the course's (c: Course), as the raw loader reads them. */
const DIMENSIONS = Prisma.sql`u."institutionId", i."regionId", coalesce(u."staffCategory"::text, ${NOT_RECORDED}) AS "staffCategory",
  coalesce(u.population::text, ${NOT_RECORDED}) AS population, u.sex::text AS sex, c.modality::text AS modality, c."trainingType"::text AS "trainingType", c."themeId"`;
const DIMENSION_NAMES = Prisma.sql`"institutionId", "regionId", "staffCategory", population, sex, modality, "trainingType", "themeId"`;

/**
 * `missionTravel` (lib/mission-costs/mission-scales.ts) in SQL, for one agent going `oneWayKm` for
 * `days` training days: round trips, kilometres and euro cents under the scales (parameters, never
 * spliced text). lib/indicators/rollups.test.ts proves it equal to the TypeScript on the data set.
 */
function missionTravelSql(oneWayKm: Prisma.Sql, days: Prisma.Sql, scales: TMissionScales) {
  const isNothing = Prisma.sql`(${oneWayKm} <= 0 OR ${days} <= 0)`;
  const isStaying = Prisma.sql`${oneWayKm} >= ${scales.overnightFromKm}::float8`;
  const trips = Prisma.sql`(CASE WHEN ${isNothing} THEN 0 WHEN ${isStaying} THEN 1 ELSE ${days} END)::float8`;
  return {
    trips,
    km: Prisma.sql`(2 * ${oneWayKm} * ${trips})`,
    cents: Prisma.sql`(CASE WHEN ${isNothing} THEN 0
      WHEN ${isStaying} THEN 2 * ${oneWayKm} * ${scales.kmAllowanceCents}::float8 + 2 * ${days} * ${scales.mealCents}::float8 + ${days} * ${scales.overnightCents}::float8
      ELSE 2 * ${oneWayKm} * ${days} * ${scales.kmAllowanceCents}::float8 + ${days} * ${scales.mealCents}::float8 END)`,
  };
}

/**
 * IndicatorDayRollup of a year: per UTC day × dimensions, the additive parts of every indicator.
 * A cell exists for every raw row of the year, even one adding nothing (a refused enrolment):
 * the raw path lists a breakdown group for every loaded row, and both paths list the same groups.
 */
export function insertDayRollupRowsSql(year: number, hoursPerDay: number, scales: TMissionScales): Prisma.Sql {
  const { from, to } = bounds(year);
  const online = missionTravelSql(Prisma.sql`e."oneWayKm"`, Prisma.sql`e.days`, scales);
  const usual = missionTravelSql(Prisma.sql`"referenceKm"`, Prisma.sql`"sessionDays"`, scales);
  const actual = missionTravelSql(Prisma.sql`"distanceKm"`, Prisma.sql`"sessionDays"`, scales);
  const isInPersonUnknown = Prisma.sql`("distanceKm" IS NULL OR "referenceKm" IS NULL OR "sessionDays" <= 0)`;
  const completed = Prisma.sql`e.status = 'COMPLETED' AND e."completedAt" >= ${from} AND e."completedAt" < ${to}`;
  return Prisma.sql`
    INSERT INTO "IndicatorDayRollup" (day, ${DIMENSION_NAMES}, enrolments, "openedCompleted", completions, "scoreSum", "scoreCount", minutes,
      "satisfactionSum", "satisfactionCount", "followUpSum", "followUpCount", trips, km, "missionCents")
    WITH enrolment AS (
      SELECT e.status::text AS status, e."enrolledAt", e."completedAt", e."scaledScore", v."declaredDurationMinutes"::float8 AS "declaredMinutes",
        u."workplaceLat" AS lat, u."workplaceLng" AS lng, ${DIMENSIONS}
      FROM "Enrolment" e JOIN "User" u ON u.id = e."userId" JOIN "Institution" i ON i.id = u."institutionId"
      JOIN "Course" c ON c.id = e."courseId" JOIN "CourseVersion" v ON v.id = e."courseVersionId"
      WHERE (e."enrolledAt" >= ${from} AND e."enrolledAt" < ${to}) OR (e."completedAt" >= ${from} AND e."completedAt" < ${to})
    ),
    -- Online and hybrid completions avoid trips to the relay site nearest the workplace: computed
    -- once per distinct workplace (agents share workplaces), not once per agent or per row.
    nearest AS (
      SELECT w.lat, w.lng, (SELECT min(${HAVERSINE_KM}) FROM "RelaySite" s) AS km
      FROM (SELECT DISTINCT e.lat, e.lng FROM enrolment e WHERE ${completed} AND e.modality <> 'IN_PERSON' AND e.lat IS NOT NULL AND e.lng IS NOT NULL) w
    ),
    completion AS (
      SELECT e.*, CASE WHEN e.status = 'COMPLETED' AND e.modality <> 'IN_PERSON' THEN greatest(1, ceil(e."declaredMinutes" / 60 / ${hoursPerDay}::float8)) ELSE 0 END AS days,
        coalesce(n.km, ${TRAVEL_ASSUMPTIONS.DEFAULT_ONE_WAY_KM}::float8) AS "oneWayKm"
      FROM enrolment e LEFT JOIN nearest n ON n.lat = e.lat AND n.lng = e.lng
      WHERE e."completedAt" >= ${from} AND e."completedAt" < ${to}
    ),
    -- In person: per agent, session and day attended, that day's share of the session's saving:
    -- going to the nearest site of the course's institution minus going to the site attended, for
    -- the days attended (both distances known, else nothing).
    attended AS (
      SELECT s."startsAt"::date AS day, ${DIMENSIONS}, ${SESSION_DAYS_ATTENDED}::float8 AS "sessionDays",
        sum(extract(epoch FROM s."endsAt" - s."startsAt")::float8 / 60) AS minutes,
        max(r."distanceKm") AS "distanceKm",
        (SELECT min(${HAVERSINE_KM}) FROM "RelaySite" s WHERE s."institutionId" = c."institutionId") AS "referenceKm"
      FROM "Attendance" a JOIN "SessionSlot" s ON s.id = a."slotId" JOIN "TrainingSession" ts ON ts.id = s."sessionId"
      JOIN "Course" c ON c.id = ts."courseId" JOIN "Registration" r ON r.id = a."registrationId"
      JOIN "User" u ON u.id = a."userId" JOIN "Institution" i ON i.id = u."institutionId"
      CROSS JOIN LATERAL (SELECT u."workplaceLat" AS lat, u."workplaceLng" AS lng) w
      WHERE a."isPresent" AND s."startsAt" >= ${from} AND s."startsAt" < ${to}
      GROUP BY a."userId", ts.id, s."startsAt"::date, u.id, i.id, c.id, w.lat, w.lng
    ),
    -- A survey counts with the mean of its 1-5 answers; one without any is ignored.
    answered AS (
      SELECT sr."submittedAt"::date AS day, sr.kind::text AS kind, m.mean, ${DIMENSIONS}
      FROM "SurveyResponse" sr JOIN "User" u ON u.id = sr."userId" JOIN "Institution" i ON i.id = u."institutionId" JOIN "Course" c ON c.id = sr."courseId"
      CROSS JOIN LATERAL (
        SELECT avg(a.value::text::float8) AS mean
        FROM jsonb_each(CASE WHEN jsonb_typeof(sr.answers) = 'object' THEN sr.answers ELSE '{}'::jsonb END) a
        WHERE jsonb_typeof(a.value) = 'number' AND a.value::text::float8 BETWEEN 1 AND 5
      ) m
      WHERE sr."submittedAt" >= ${from} AND sr."submittedAt" < ${to} AND m.mean IS NOT NULL
    ),
    contribution AS (
      -- Opened in the year and went ahead (neither refused nor awaiting approval).
      SELECT e."enrolledAt"::date AS day, ${DIMENSION_NAMES},
        (e.status NOT IN ('REFUSED', 'PENDING_APPROVAL'))::int AS enrolments, (e.status = 'COMPLETED')::int AS "openedCompleted",
        0 AS completions, 0::float8 AS "scoreSum", 0 AS "scoreCount", 0::float8 AS minutes,
        0::float8 AS "satisfactionSum", 0 AS "satisfactionCount", 0::float8 AS "followUpSum", 0 AS "followUpCount", 0::float8 AS trips, 0::float8 AS km, 0::float8 AS "missionCents"
      FROM enrolment e WHERE e."enrolledAt" >= ${from} AND e."enrolledAt" < ${to}
      UNION ALL
      -- Completed in the year: score, declared online minutes, trips avoided.
      SELECT e."completedAt"::date, ${DIMENSION_NAMES}, 0, 0, (e.status = 'COMPLETED')::int,
        CASE WHEN e.status = 'COMPLETED' THEN coalesce(e."scaledScore", 0) ELSE 0 END, (e.status = 'COMPLETED' AND e."scaledScore" IS NOT NULL)::int,
        CASE WHEN e.status = 'COMPLETED' AND e.modality <> 'IN_PERSON' THEN e."declaredMinutes" ELSE 0 END,
        0, 0, 0, 0, ${online.trips}, ${online.km}, ${online.cents}
      FROM completion e
      UNION ALL
      SELECT day, ${DIMENSION_NAMES}, 0, 0, 0, 0, 0, CASE WHEN modality <> 'ONLINE' THEN minutes ELSE 0 END, 0, 0, 0, 0, 0,
        CASE WHEN ${isInPersonUnknown} THEN 0 ELSE greatest(0, ${usual.km} - ${actual.km}) / "sessionDays" END,
        CASE WHEN ${isInPersonUnknown} THEN 0 ELSE greatest(0, ${usual.cents} - ${actual.cents}) / "sessionDays" END
      FROM attended
      UNION ALL
      SELECT day, ${DIMENSION_NAMES}, 0, 0, 0, 0, 0, 0,
        CASE WHEN kind = 'SATISFACTION' THEN mean ELSE 0 END, (kind = 'SATISFACTION')::int,
        CASE WHEN kind = 'SATISFACTION' THEN 0 ELSE mean END, (kind <> 'SATISFACTION')::int, 0, 0, 0
      FROM answered
    )
    SELECT day, ${DIMENSION_NAMES}, sum(enrolments)::int, sum("openedCompleted")::int, sum(completions)::int, sum("scoreSum"), sum("scoreCount")::int,
      sum(minutes), sum("satisfactionSum"), sum("satisfactionCount")::int, sum("followUpSum"), sum("followUpCount")::int, sum(trips)::int, sum(km), sum("missionCents")
    FROM contribution
    GROUP BY day, ${DIMENSION_NAMES}
    -- Stored in day order: a month's cells sit together on disk.
    ORDER BY day`;
}

/**
 * IndicatorTraineeRollup of a year: one row per agent and group (as an agent, and per modality,
 * type and theme trained in) with the months and days of training: completions (trainees'
 * definition) and present half-days.
 */
export function insertTraineeRollupRowsSql(year: number): Prisma.Sql {
  const { from, to } = bounds(year);
  return Prisma.sql`
    INSERT INTO "IndicatorTraineeRollup" (year, dimension, value, "userId", "institutionId", "regionId", "staffCategory", population, sex, months, days)
    WITH trained AS (
      SELECT e."userId", e."completedAt" AS at, c.modality::text AS modality, c."trainingType"::text AS "trainingType", c."themeId"
      FROM "Enrolment" e JOIN "Course" c ON c.id = e."courseId"
      WHERE e.status = 'COMPLETED' AND e."completedAt" >= ${from} AND e."completedAt" < ${to}
      UNION ALL
      SELECT a."userId", s."startsAt", c.modality::text, c."trainingType"::text, c."themeId"
      FROM "Attendance" a JOIN "SessionSlot" s ON s.id = a."slotId" JOIN "TrainingSession" ts ON ts.id = s."sessionId"
      JOIN "Course" c ON c.id = ts."courseId" JOIN "Registration" r ON r.id = a."registrationId"
      WHERE a."isPresent" AND s."startsAt" >= ${from} AND s."startsAt" < ${to}
    ),
    grouped AS (
      SELECT t."userId", d.dimension, d.value, bit_or(1 << (extract(month FROM t.at)::int - 1)) AS months,
        bit_or(set_bit(B'0'::bit(${Prisma.raw(String(DAYS_IN_BITMAP))}), t.at::date - make_date(${year}::int, 1, 1), 1)) AS days
      FROM trained t
      CROSS JOIN LATERAL (VALUES ('agent', ''), ('modality', t.modality), ('trainingType', t."trainingType"), ('theme', t."themeId")) AS d(dimension, value)
      GROUP BY 1, 2, 3
    )
    SELECT ${year}::int, g.dimension, g.value, g."userId", u."institutionId", i."regionId", coalesce(u."staffCategory"::text, ${NOT_RECORDED}),
      coalesce(u.population::text, ${NOT_RECORDED}), u.sex::text, g.months, g.days
    FROM grouped g JOIN "User" u ON u.id = g."userId" JOIN "Institution" i ON i.id = u."institutionId"
    -- Grouped by dimension on disk: a national count then reads about a quarter of the table's pages.
    ORDER BY array_position(${[...TRAINEE_DIMENSIONS]}::text[], g.dimension)`;
}

/**
 * IndicatorTraineeMonth of a year: each per-agent row of IndicatorTraineeRollup once per month
 * trained in, with that month's days (bit 30 - d = day d + 1), stored month by month.
 */
export function insertTraineeMonthRowsSql(year: number): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "IndicatorTraineeMonth" (year, month, dimension, value, "userId", "institutionId", "regionId", "staffCategory", population, sex, days, months)
    SELECT t.year, m.month, t.dimension, t.value, t."userId", t."institutionId", t."regionId", t."staffCategory", t.population, t.sex,
      substring(t.days FROM m.first + 1 FOR m.length)::bit(31)::int, t.months
    FROM "IndicatorTraineeRollup" t
    CROSS JOIN LATERAL (
      SELECT month, make_date(${year}::int, month + 1, 1) - make_date(${year}::int, 1, 1) AS first,
        (make_date(${year}::int, month + 1, 1) + interval '1 month')::date - make_date(${year}::int, month + 1, 1) AS length
      FROM generate_series(0, 11) AS month
    ) m
    WHERE t.year = ${year}::int AND t.months & (1 << m.month) <> 0
    ORDER BY m.month, t.dimension`;
}

/** IndicatorMonthRollup of a year: its day rollups (already rebuilt) summed per calendar month. */
export function insertMonthRollupRowsSql(year: number): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "IndicatorMonthRollup" (month, ${DIMENSION_NAMES}, enrolments, "openedCompleted", completions, "scoreSum", "scoreCount", minutes,
      "satisfactionSum", "satisfactionCount", "followUpSum", "followUpCount", trips, km, "missionCents")
    SELECT date_trunc('month', day)::date, ${DIMENSION_NAMES}, sum(enrolments)::int, sum("openedCompleted")::int, sum(completions)::int, sum("scoreSum"), sum("scoreCount")::int, sum(minutes),
      sum("satisfactionSum"), sum("satisfactionCount")::int, sum("followUpSum"), sum("followUpCount")::int, sum(trips)::int, sum(km), sum("missionCents")
    FROM "IndicatorDayRollup"
    WHERE day >= make_date(${year}::int, 1, 1) AND day < make_date(${year + 1}::int, 1, 1)
    GROUP BY 1, ${DIMENSION_NAMES}
    ORDER BY 1`;
}
