import "server-only";
import { db, Prisma } from "../db";
import { env } from "../env";
import type {
  EnrolmentStatus,
  Modality,
  Sex,
  StaffCategory,
  StaffPopulation,
  SurveyKind,
  TrainingType,
} from "../db/generated/enums";
import { getMissionScales } from "../mission-costs/get-mission-scales";
import { nearestKm, type TPoint } from "./distance";
import type { TAgentDims, TCourseDims, THeadcountFact, TIndicatorFacts, TPeriod } from "./types";

export type TFactScope = {
  /** Institutions of the agents counted ("all" for national scope). */
  institutionIds: "all" | string[];
  regionId?: string;
  period: TPeriod;
};

// Flat rows straight from SQL: at national scale (hundreds of thousands of rows) nested ORM
// selects cost tens of seconds, one join per fact type a second or two (bench/indicators).
type TAgentColumns = {
  userId: string;
  institutionId: string;
  regionId: string;
  staffCategory: StaffCategory | null;
  population: StaffPopulation | null;
  sex: Sex;
  workplaceLat: number | null;
  workplaceLng: number | null;
  modality: Modality;
  trainingType: TrainingType;
  themeId: string;
  courseInstitutionId: string;
};

/**
 * Distinct days the agent (a) attended the session (ts) in any period: a travel saving is spread
 * over them. The same expression builds the rollups (lib/indicators/build-rollup-rows.ts).
 */
export const SESSION_DAYS_ATTENDED = Prisma.sql`(SELECT count(DISTINCT s2."startsAt"::date)::int
  FROM "Attendance" a2 JOIN "SessionSlot" s2 ON s2.id = a2."slotId"
  WHERE a2."userId" = a."userId" AND s2."sessionId" = ts.id AND a2."isPresent")`;

const AGENT_COLUMNS = Prisma.sql`u.id AS "userId", u."institutionId", i."regionId", u."staffCategory"::text AS "staffCategory", u.population::text AS population,
  u.sex::text AS sex, u."workplaceLat", u."workplaceLng", c.modality::text AS modality, c."trainingType"::text AS "trainingType", c."themeId", c."institutionId" AS "courseInstitutionId"`;

function scopeSql(scope: TFactScope) {
  return Prisma.sql`${scope.institutionIds === "all" ? Prisma.empty : Prisma.sql`AND u."institutionId" IN (${Prisma.join(scope.institutionIds.length > 0 ? scope.institutionIds : [""])})`}
    ${scope.regionId ? Prisma.sql`AND i."regionId" = ${scope.regionId}` : Prisma.empty}`;
}

function agentDims(row: TAgentColumns): TAgentDims {
  return {
    institutionId: row.institutionId,
    regionId: row.regionId,
    staffCategory: row.staffCategory,
    population: row.population,
    sex: row.sex,
  };
}

function courseDims(row: TAgentColumns): TCourseDims {
  return { modality: row.modality, trainingType: row.trainingType, themeId: row.themeId };
}

/** The headcounts of a year within a scope (small: institutions × categories × populations × sexes). */
export async function loadHeadcounts(scope: Omit<TFactScope, "period">, year: number): Promise<THeadcountFact[]> {
  // One flat join: the ORM's nested select costs tens of milliseconds for the 6,000 cells of a national year.
  return db.$queryRaw<THeadcountFact[]>`
    SELECT h."institutionId", i."regionId", h."staffCategory"::text AS "staffCategory", h.population::text AS population, h.sex::text AS sex, h.count
    FROM "Headcount" h JOIN "Institution" i ON i.id = h."institutionId"
    WHERE h.year = ${year} ${scope.institutionIds === "all" ? Prisma.empty : Prisma.sql`AND h."institutionId" IN (${Prisma.join(scope.institutionIds.length > 0 ? scope.institutionIds : [""])})`}
      ${scope.regionId ? Prisma.sql`AND i."regionId" = ${scope.regionId}` : Prisma.empty}`;
}

/** The year whose headcounts a period's figures use: the year in which it ends. */
export function headcountYearOf(period: TPeriod): number {
  return new Date(period.to.getTime() - 1).getUTCFullYear();
}

/** The facts of a period within a scope: the one place indicators read the database. */
export async function loadIndicatorFacts(scope: TFactScope): Promise<TIndicatorFacts> {
  const { period } = scope;
  const headcountYear = headcountYearOf(period);
  const where = scopeSql(scope);
  const [enrolments, attendances, surveys, headcounts, missionScales, sites] = await Promise.all([
    db.$queryRaw<
      (TAgentColumns & {
        status: EnrolmentStatus;
        enrolledAt: Date;
        completedAt: Date | null;
        scaledScore: number | null;
        declaredMinutes: number;
      })[]
    >`
      SELECT ${AGENT_COLUMNS}, e.status::text AS status, e."enrolledAt", e."completedAt", e."scaledScore", v."declaredDurationMinutes" AS "declaredMinutes"
      FROM "Enrolment" e JOIN "User" u ON u.id = e."userId" JOIN "Institution" i ON i.id = u."institutionId"
      JOIN "Course" c ON c.id = e."courseId" JOIN "CourseVersion" v ON v.id = e."courseVersionId"
      WHERE ((e."enrolledAt" >= ${period.from} AND e."enrolledAt" < ${period.to}) OR (e."completedAt" >= ${period.from} AND e."completedAt" < ${period.to})) ${where}`,
    db.$queryRaw<
      (TAgentColumns & {
        sessionId: string;
        startsAt: Date;
        endsAt: Date;
        distanceKm: number | null;
        sessionDaysAttended: number;
      })[]
    >`
      SELECT ${AGENT_COLUMNS}, ts.id AS "sessionId", s."startsAt", s."endsAt", r."distanceKm",
        ${SESSION_DAYS_ATTENDED} AS "sessionDaysAttended"
      FROM "Attendance" a JOIN "SessionSlot" s ON s.id = a."slotId" JOIN "TrainingSession" ts ON ts.id = s."sessionId"
      JOIN "Course" c ON c.id = ts."courseId" JOIN "Registration" r ON r.id = a."registrationId"
      JOIN "User" u ON u.id = a."userId" JOIN "Institution" i ON i.id = u."institutionId"
      WHERE a."isPresent" AND s."startsAt" >= ${period.from} AND s."startsAt" < ${period.to} ${where}`,
    db.$queryRaw<(TAgentColumns & { kind: SurveyKind; answers: unknown; submittedAt: Date })[]>`
      SELECT ${AGENT_COLUMNS}, sr.kind::text AS kind, sr.answers, sr."submittedAt"
      FROM "SurveyResponse" sr JOIN "User" u ON u.id = sr."userId" JOIN "Institution" i ON i.id = u."institutionId" JOIN "Course" c ON c.id = sr."courseId"
      WHERE sr."submittedAt" >= ${period.from} AND sr."submittedAt" < ${period.to} ${where}`,
    loadHeadcounts(scope, headcountYear),
    getMissionScales(),
    db.relaySite.findMany({ select: { institutionId: true, latitude: true, longitude: true } }),
  ]);
  const allSites = sites.map((site) => ({ lat: site.latitude, lng: site.longitude }));
  const sitesByInstitution = new Map<string, TPoint[]>();
  for (const site of sites) {
    if (site.institutionId)
      sitesByInstitution.set(site.institutionId, [
        ...(sitesByInstitution.get(site.institutionId) ?? []),
        { lat: site.latitude, lng: site.longitude },
      ]);
  }
  // Distances are per agent (and per organising institution): computed once, not once per row.
  const distances = new Map<string, number | null>();
  const distance = (row: TAgentColumns, institutionId: string | null) => {
    const key = `${row.userId}|${institutionId ?? "*"}`;
    if (!distances.has(key)) {
      const workplace =
        row.workplaceLat === null || row.workplaceLng === null
          ? null
          : { lat: row.workplaceLat, lng: row.workplaceLng };
      distances.set(
        key,
        nearestKm(workplace, institutionId ? (sitesByInstitution.get(institutionId) ?? []) : allSites),
      );
    }
    return distances.get(key)!;
  };
  return {
    period,
    headcountYear,
    hoursPerDay: env().RELAIS_HOURS_PER_DAY,
    missionScales: {
      kmAllowanceCents: missionScales.kmAllowanceCents,
      mealCents: missionScales.mealCents,
      overnightCents: missionScales.overnightCents,
      overnightFromKm: missionScales.overnightFromKm,
    },
    enrolments: enrolments.map((row) => ({
      userId: row.userId,
      agent: agentDims(row),
      course: courseDims(row),
      status: row.status,
      enrolledAt: row.enrolledAt,
      completedAt: row.completedAt,
      scaledScore: row.scaledScore,
      declaredMinutes: row.declaredMinutes,
      nearestSiteKm: distance(row, null),
    })),
    attendances: attendances.map((row) => ({
      userId: row.userId,
      agent: agentDims(row),
      course: courseDims(row),
      sessionId: row.sessionId,
      startsAt: row.startsAt,
      minutes: (row.endsAt.getTime() - row.startsAt.getTime()) / 60_000,
      distanceKm: row.distanceKm,
      referenceKm: distance(row, row.courseInstitutionId),
      sessionDaysAttended: row.sessionDaysAttended,
    })),
    surveys: surveys.flatMap((row) => {
      const mean = meanAnswer(row.answers);
      return mean === null
        ? []
        : [
            {
              kind: row.kind,
              userId: row.userId,
              agent: agentDims(row),
              course: courseDims(row),
              submittedAt: row.submittedAt,
              meanAnswer: mean,
            },
          ];
    }),
    headcounts,
  };
}

/** Survey answers are question code → 1..5; anything else (comments, skipped questions) is ignored. */
function meanAnswer(answers: unknown): number | null {
  const values = Object.values(answers && typeof answers === "object" ? answers : {}).filter(
    (value): value is number => typeof value === "number" && value >= 1 && value <= 5,
  );
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}
