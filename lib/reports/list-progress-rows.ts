import "server-only";
import { db, type Prisma } from "../db";
import type { TAction, TActor } from "../auth/permissions";
import type { EnrolmentStatus, Modality, TrainingType } from "../db/generated/enums";
import { resolveIndicatorScope } from "../indicators/resolve-indicator-scope";
import { periodOf, type TIndicatorFilters } from "../indicators/scope";

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
 * The rows behind the indicators (drill-down and progress-report exports): one per online
 * enrolment opened or completed in the period, and one per in-person session attended in it.
 * Hours follow the indicator's rule: declared duration once completed, attended slot hours.
 */
/** Who the rows may be about (the actor's right checked here) and which rows: one place for listing and counting. */
function progressRowsWhere(actor: TActor, filters: TIndicatorFilters, action: TAction) {
  const institutionIds = resolveIndicatorScope(actor, { institutionId: filters.institutionId }, action);
  const period = periodOf(filters);
  const user = {
    institutionId: institutionIds === "all" ? { not: null } : { in: institutionIds },
    ...(filters.regionId ? { institution: { regionId: filters.regionId } } : {}),
  };
  return {
    period,
    enrolment: { user, OR: [{ enrolledAt: { gte: period.from, lt: period.to } }, { completedAt: { gte: period.from, lt: period.to } }] },
    attendance: { user, isPresent: true, slot: { startsAt: { gte: period.from, lt: period.to } } },
  } satisfies { enrolment: Prisma.EnrolmentWhereInput; attendance: Prisma.AttendanceWhereInput; period: unknown };
}

/** How many rows listProgressRows would return, without loading them (to decide on a background export). */
export async function countProgressRows(actor: TActor, filters: TIndicatorFilters, action: TAction = "indicators.read"): Promise<number> {
  const where = progressRowsWhere(actor, filters, action);
  const [enrolments, sessions] = await Promise.all([
    db.enrolment.count({ where: where.enrolment }),
    // One row per attended session (registration), however many slots.
    db.attendance.groupBy({ by: ["registrationId"], where: where.attendance }).then((groups) => groups.length),
  ]);
  return enrolments + sessions;
}

export async function listProgressRows(actor: TActor, filters: TIndicatorFilters, action: TAction = "indicators.read"): Promise<TProgressRow[]> {
  const { period, ...where } = progressRowsWhere(actor, filters, action);
  const userSelect = { name: true, email: true, institution: { select: { name: true } } } as const;
  const courseSelect = { modality: true, trainingType: true } as const;
  const [enrolments, attendances] = await Promise.all([
    db.enrolment.findMany({
      where: where.enrolment,
      orderBy: [{ user: { name: "asc" } }, { enrolledAt: "asc" }],
      select: {
        status: true, enrolledAt: true, completedAt: true, scaledScore: true, user: { select: userSelect },
        course: { select: courseSelect }, courseVersion: { select: { title: true, declaredDurationMinutes: true } },
      },
    }),
    db.attendance.findMany({
      where: where.attendance,
      select: {
        registrationId: true, user: { select: userSelect },
        slot: { select: { startsAt: true, endsAt: true, session: { select: { course: { select: courseSelect }, courseVersion: { select: { title: true } } } } } },
      },
    }),
  ]);
  const rows: TProgressRow[] = enrolments.map((row) => ({
    agentName: row.user.name, agentEmail: row.user.email, institution: row.user.institution?.name ?? "",
    course: row.courseVersion.title, modality: row.course.modality, trainingType: row.course.trainingType, status: row.status,
    hours: row.status === "COMPLETED" && row.completedAt && row.completedAt >= period.from && row.completedAt < period.to && row.course.modality !== "IN_PERSON" ? row.courseVersion.declaredDurationMinutes / 60 : 0,
    enrolledAt: row.enrolledAt, completedAt: row.completedAt, score: row.scaledScore,
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
      agentName: row.user.name, agentEmail: row.user.email, institution: row.user.institution?.name ?? "",
      course: row.slot.session.courseVersion.title, modality: row.slot.session.course.modality, trainingType: row.slot.session.course.trainingType,
      status: "ATTENDED", hours, enrolledAt: row.slot.startsAt, completedAt: null, score: null,
    });
  }
  return [...rows, ...sessions.values()].sort((a, b) => a.agentName.localeCompare(b.agentName) || a.course.localeCompare(b.course));
}
