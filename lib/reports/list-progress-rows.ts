import "server-only";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import type {
  EnrolmentStatus,
  Modality,
  Sex,
  StaffCategory,
  StaffPopulation,
  TrainingType,
} from "../db/generated/enums";
import { resolveIndicatorScope } from "../indicators/resolve-indicator-scope";
import { periodOf, type TIndicatorFilters } from "../indicators/scope";
import { NOT_RECORDED } from "../indicators/types";

export type TProgressRow = {
  agentName: string;
  agentEmail: string;
  institution: string;
  course: string;
  modality: Modality;
  trainingType: TrainingType;
  /** Online enrolment status, or ATTENDED for an in-person session. */
  status: EnrolmentStatus | "ATTENDED";
  hours: number;
  enrolledAt: Date | null;
  completedAt: Date | null;
  score: number | null;
};

/**
 * Which rows and for which right: the drill-down page reads them with "indicators.read", an export
 * with "report.export". Required, never defaulted: a caller that forgot it would be checked against
 * the wrong permission without noticing.
 */
export type TProgressRowsQuery = { filters: TIndicatorFilters; action: "indicators.read" | "report.export" };

/**
 * The rows of one group of the breakdown (a dashboard's bar or row): the agent's or the course's
 * dimension, keyed exactly as compute-indicators.ts groups the facts, so that the rows behind a
 * bar are the ones its figure counts. The group was validated against the breakdown (scope.ts).
 */
function groupWhere(filters: TIndicatorFilters): { user: Prisma.UserWhereInput; course: Prisma.CourseWhereInput } {
  const { breakdown, group } = filters;
  if (group === undefined || breakdown === "none") return { user: {}, course: {} };
  const recorded = <T extends string>(value: string) => (value === NOT_RECORDED ? null : (value as T));
  switch (breakdown) {
    case "institution":
      return { user: { institutionId: group }, course: {} };
    case "region":
      return { user: { institution: { regionId: group } }, course: {} };
    case "staffCategory":
      return { user: { staffCategory: recorded<StaffCategory>(group) }, course: {} };
    case "population":
      return { user: { population: recorded<StaffPopulation>(group) }, course: {} };
    case "sex":
      return { user: { sex: group as Sex }, course: {} };
    case "modality":
      return { user: {}, course: { modality: group as Modality } };
    case "trainingType":
      return { user: {}, course: { trainingType: group as TrainingType } };
    case "theme":
      return { user: {}, course: { themeId: group } };
  }
}

/** Who the rows may be about (the actor's right checked here) and which rows: one place for listing and counting. */
function progressRowsWhere(actor: TActor, { filters, action }: TProgressRowsQuery) {
  const institutionIds = resolveIndicatorScope(actor, { action, institutionId: filters.institutionId });
  const period = periodOf(filters);
  const inGroup = groupWhere(filters);
  // AND keeps the scope whatever the group says: another institution's id as a group finds nothing.
  const user = {
    AND: [
      { institutionId: institutionIds === "all" ? { not: null } : { in: institutionIds } },
      filters.regionId ? { institution: { regionId: filters.regionId } } : {},
      inGroup.user,
    ],
  } satisfies Prisma.UserWhereInput;
  const enrolment = {
    OR: [{ enrolledAt: { gte: period.from, lt: period.to } }, { completedAt: { gte: period.from, lt: period.to } }],
    course: inGroup.course,
  } satisfies Prisma.EnrolmentWhereInput;
  const attendance = {
    isPresent: true,
    slot: { startsAt: { gte: period.from, lt: period.to }, session: { course: inGroup.course } },
  } satisfies Prisma.AttendanceWhereInput;
  return { period, user, enrolment, attendance };
}

/**
 * How many rows listProgressRows would return (a two-slot session is one row), without loading
 * them. With atMost, counting stops there (a LIMIT probe): enough to choose between answering at
 * once and a background job, whatever the size of the institution.
 */
export async function countProgressRows(
  actor: TActor,
  options: TProgressRowsQuery & { atMost?: number },
): Promise<number> {
  const where = progressRowsWhere(actor, options);
  const [enrolments, sessions] = await Promise.all([
    db.enrolment.count({ where: { ...where.enrolment, user: where.user }, take: options.atMost }),
    db.registration.count({
      where: { user: where.user, attendances: { some: where.attendance } },
      take: options.atMost,
    }),
  ]);
  return options.atMost === undefined ? enrolments + sessions : Math.min(options.atMost, enrolments + sessions);
}

/**
 * The rows behind the indicators (drill-down and progress-report exports): one per online
 * enrolment opened or completed in the period, and one per in-person session attended in it.
 * Hours follow the indicator's rule: declared duration once completed, attended slot hours.
 * Pages of agents (keyset on name, id: no OFFSET, constant memory however many rows), each
 * yielded with all its agents' rows, by agent then course.
 */
export async function* pageProgressRows(
  actor: TActor,
  options: TProgressRowsQuery & { agentsPerPage?: number },
): AsyncGenerator<TProgressRow[]> {
  const { period, user, enrolment, attendance } = progressRowsWhere(actor, options);
  const withRows = {
    ...user,
    OR: [{ enrolments: { some: enrolment } }, { attendances: { some: attendance } }],
  } satisfies Prisma.UserWhereInput;
  const courseSelect = { modality: true, trainingType: true } as const;
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const agents: { id: string; name: string; email: string; institution: { name: string } | null }[] =
      await db.user.findMany({
        where: after
          ? { AND: [withRows, { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] }
          : withRows,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: options.agentsPerPage ?? 500,
        select: { id: true, name: true, email: true, institution: { select: { name: true } } },
      });
    if (agents.length === 0) return;
    const userIds = agents.map((agent) => agent.id);
    const [enrolments, attendances] = await Promise.all([
      db.enrolment.findMany({
        where: { ...enrolment, userId: { in: userIds } },
        orderBy: { enrolledAt: "asc" },
        select: {
          userId: true,
          status: true,
          enrolledAt: true,
          completedAt: true,
          scaledScore: true,
          course: { select: courseSelect },
          courseVersion: { select: { title: true, declaredDurationMinutes: true } },
        },
      }),
      db.attendance.findMany({
        where: { ...attendance, userId: { in: userIds } },
        select: {
          userId: true,
          registrationId: true,
          slot: {
            select: {
              startsAt: true,
              endsAt: true,
              session: { select: { course: { select: courseSelect }, courseVersion: { select: { title: true } } } },
            },
          },
        },
      }),
    ]);
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    const agentColumns = (userId: string) => {
      const agent = byId.get(userId)!;
      return { agentName: agent.name, agentEmail: agent.email, institution: agent.institution?.name ?? "" };
    };
    const rows: TProgressRow[] = enrolments.map((row) => ({
      ...agentColumns(row.userId),
      course: row.courseVersion.title,
      modality: row.course.modality,
      trainingType: row.course.trainingType,
      status: row.status,
      hours:
        row.status === "COMPLETED" &&
        row.completedAt &&
        row.completedAt >= period.from &&
        row.completedAt < period.to &&
        row.course.modality !== "IN_PERSON"
          ? row.courseVersion.declaredDurationMinutes / 60
          : 0,
      enrolledAt: row.enrolledAt,
      completedAt: row.completedAt,
      score: row.scaledScore,
    }));
    const sessions = new Map<string, TProgressRow>();
    for (const row of attendances) {
      const hours = (row.slot.endsAt.getTime() - row.slot.startsAt.getTime()) / 3_600_000;
      const existing = sessions.get(row.registrationId);
      if (existing) {
        existing.hours += hours;
        if (row.slot.startsAt < existing.enrolledAt!) existing.enrolledAt = row.slot.startsAt;
        continue;
      }
      sessions.set(row.registrationId, {
        ...agentColumns(row.userId),
        course: row.slot.session.courseVersion.title,
        modality: row.slot.session.course.modality,
        trainingType: row.slot.session.course.trainingType,
        status: "ATTENDED",
        hours,
        enrolledAt: row.slot.startsAt,
        completedAt: null,
        score: null,
      });
    }
    // The database's order of agents (the keyset's; e-mails are unique), then courses within an agent.
    const order = new Map(agents.map((agent, index) => [agent.email, index]));
    yield [...rows, ...sessions.values()].sort(
      (a, b) => order.get(a.agentEmail)! - order.get(b.agentEmail)! || a.course.localeCompare(b.course),
    );
    const last = agents.at(-1)!;
    after = { name: last.name, id: last.id };
  }
}

/** All the rows at once: for the drill-down page and small exports. */
export async function listProgressRows(actor: TActor, options: TProgressRowsQuery): Promise<TProgressRow[]> {
  const rows: TProgressRow[] = [];
  for await (const page of pageProgressRows(actor, options)) rows.push(...page);
  return rows;
}
