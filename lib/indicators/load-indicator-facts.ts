import "server-only";
import { db } from "../db";
import { env } from "../env";
import { nearestKm, type TPoint } from "./distance";
import type { TAgentDims, TIndicatorFacts, TPeriod } from "./types";

export type TFactScope = {
  /** Institutions of the agents counted ("all" for national scope). */
  institutionIds: "all" | string[];
  regionId?: string;
  period: TPeriod;
};

function userWhere(scope: TFactScope) {
  return {
    institutionId: scope.institutionIds === "all" ? { not: null } : { in: scope.institutionIds },
    ...(scope.regionId ? { institution: { regionId: scope.regionId } } : {}),
  };
}

const USER_SELECT = {
  id: true,
  institutionId: true,
  staffCategory: true,
  population: true,
  sex: true,
  workplaceLat: true,
  workplaceLng: true,
  institution: { select: { regionId: true } },
} as const;

type TUserRow = {
  institutionId: string | null;
  staffCategory: TAgentDims["staffCategory"];
  population: TAgentDims["population"];
  sex: TAgentDims["sex"];
  workplaceLat: number | null;
  workplaceLng: number | null;
  institution: { regionId: string } | null;
};

function agentDims(user: TUserRow): TAgentDims {
  return {
    institutionId: user.institutionId!,
    regionId: user.institution!.regionId,
    staffCategory: user.staffCategory,
    population: user.population,
    sex: user.sex,
  };
}

function workplace(user: TUserRow): TPoint | null {
  return user.workplaceLat === null || user.workplaceLng === null ? null : { lat: user.workplaceLat, lng: user.workplaceLng };
}

const COURSE_SELECT = { modality: true, trainingType: true, themeId: true, institutionId: true } as const;

/** The facts of a period within a scope: the one place indicators read the database. */
export async function loadIndicatorFacts(scope: TFactScope): Promise<TIndicatorFacts> {
  const { period } = scope;
  const headcountYear = new Date(period.to.getTime() - 1).getUTCFullYear();
  const users = userWhere(scope);
  const [enrolments, attendances, surveys, headcounts, sites] = await Promise.all([
    db.enrolment.findMany({
      where: { user: users, OR: [{ enrolledAt: { gte: period.from, lt: period.to } }, { completedAt: { gte: period.from, lt: period.to } }] },
      select: {
        userId: true, status: true, enrolledAt: true, completedAt: true, scaledScore: true,
        user: { select: USER_SELECT }, course: { select: COURSE_SELECT }, courseVersion: { select: { declaredDurationMinutes: true } },
      },
    }),
    db.attendance.findMany({
      where: { isPresent: true, user: users, slot: { startsAt: { gte: period.from, lt: period.to } } },
      select: {
        userId: true, user: { select: USER_SELECT }, registration: { select: { distanceKm: true } },
        slot: { select: { startsAt: true, endsAt: true, session: { select: { id: true, course: { select: COURSE_SELECT } } } } },
      },
    }),
    db.surveyResponse.findMany({
      where: { user: users, submittedAt: { gte: period.from, lt: period.to } },
      select: { kind: true, userId: true, answers: true, submittedAt: true, user: { select: USER_SELECT }, course: { select: COURSE_SELECT } },
    }),
    db.headcount.findMany({
      where: {
        year: headcountYear,
        ...(scope.institutionIds === "all" ? {} : { institutionId: { in: scope.institutionIds } }),
        ...(scope.regionId ? { institution: { regionId: scope.regionId } } : {}),
      },
      select: { institutionId: true, staffCategory: true, population: true, sex: true, count: true, institution: { select: { regionId: true } } },
    }),
    db.relaySite.findMany({ select: { institutionId: true, latitude: true, longitude: true } }),
  ]);
  const allSites = sites.map((site) => ({ lat: site.latitude, lng: site.longitude }));
  const sitesOf = (institutionId: string) =>
    sites.filter((site) => site.institutionId === institutionId).map((site) => ({ lat: site.latitude, lng: site.longitude }));
  return {
    period,
    headcountYear,
    hoursPerDay: env().RELAIS_HOURS_PER_DAY,
    enrolments: enrolments.map((row) => ({
      userId: row.userId, agent: agentDims(row.user), course: row.course, status: row.status, enrolledAt: row.enrolledAt,
      completedAt: row.completedAt, scaledScore: row.scaledScore, declaredMinutes: row.courseVersion.declaredDurationMinutes,
      nearestSiteKm: nearestKm(workplace(row.user), allSites),
    })),
    attendances: attendances.map((row) => ({
      userId: row.userId, agent: agentDims(row.user), course: row.slot.session.course, sessionId: row.slot.session.id,
      startsAt: row.slot.startsAt, minutes: (row.slot.endsAt.getTime() - row.slot.startsAt.getTime()) / 60_000,
      distanceKm: row.registration.distanceKm, referenceKm: nearestKm(workplace(row.user), sitesOf(row.slot.session.course.institutionId)),
    })),
    surveys: surveys.flatMap((row) => {
      const mean = meanAnswer(row.answers);
      return mean === null ? [] : [{ kind: row.kind, userId: row.userId, agent: agentDims(row.user), course: row.course, submittedAt: row.submittedAt, meanAnswer: mean }];
    }),
    headcounts: headcounts.map((row) => ({ ...row, regionId: row.institution.regionId })),
  };
}

/** Survey answers are question code → 1..5; anything else (comments, skipped questions) is ignored. */
function meanAnswer(answers: unknown): number | null {
  const values = Object.values(answers && typeof answers === "object" ? answers : {}).filter(
    (value): value is number => typeof value === "number" && value >= 1 && value <= 5,
  );
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}
