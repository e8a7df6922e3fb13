import "server-only";
import { LATEST_PUBLISHED_VERSION } from "../catalog/course-where";
import { db } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import type { TrainingType } from "../db/generated/enums";

export type TRecordLine = { year: number; trainingType: TrainingType; hours: number };

/**
 * The agent's own view of the indicators' data: hours by year and training type, with the same
 * rule as the training volume (declared duration of completed online trainings and online parts,
 * attended hours of in-person slots), and their certificates.
 */
export async function getMyTrainingRecord(actor: TActor, userId = actor.userId) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, institutionId: true, institution: { select: { name: true } } },
  });
  assertCan(actor, "record.read", { userId, institutionId: user?.institutionId ?? null });
  const [enrolments, attendances, certificates] = await Promise.all([
    db.enrolment.findMany({
      where: { userId, status: "COMPLETED", course: { modality: { not: "IN_PERSON" } } },
      select: {
        completedAt: true,
        course: { select: { trainingType: true } },
        courseVersion: { select: { declaredDurationMinutes: true } },
      },
    }),
    db.attendance.findMany({
      where: {
        userId,
        isPresent: true,
        registration: { status: "CONFIRMED" },
        slot: { session: { status: { not: "CANCELLED" } } },
      },
      select: {
        slot: {
          select: { startsAt: true, endsAt: true, session: { select: { course: { select: { trainingType: true } } } } },
        },
      },
    }),
    db.certificate.findMany({
      where: { userId, revokedAt: null },
      orderBy: { issuedAt: "desc" },
      select: {
        id: true,
        verificationCode: true,
        hours: true,
        issuedAt: true,
        kind: true,
        details: true,
        sessionId: true,
        course: { select: { versions: { ...LATEST_PUBLISHED_VERSION, select: { title: true, titleEn: true } } } },
      },
    }),
  ]);
  // Sessions attended (confirmed registration) whose attendance certificate is not issued yet: it
  // is issued on first download (after a correction revoked the previous one, for instance).
  const certifiedSessions = new Set(certificates.map((row) => row.sessionId).filter(Boolean));
  const attendedSessions = await db.trainingSession.findMany({
    where: {
      status: { not: "CANCELLED" },
      registrations: { some: { userId, status: "CONFIRMED" } },
      slots: { some: { attendances: { some: { userId, isPresent: true } } } },
    },
    select: {
      id: true,
      courseVersion: { select: { title: true, titleEn: true } },
      slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
    },
  });
  const minutes = new Map<string, number>();
  const add = (date: Date, trainingType: TrainingType, value: number) => {
    const key = `${date.getUTCFullYear()}|${trainingType}`;
    minutes.set(key, (minutes.get(key) ?? 0) + value);
  };
  for (const row of enrolments)
    if (row.completedAt) add(row.completedAt, row.course.trainingType, row.courseVersion.declaredDurationMinutes);
  for (const row of attendances)
    add(
      row.slot.startsAt,
      row.slot.session.course.trainingType,
      (row.slot.endsAt.getTime() - row.slot.startsAt.getTime()) / 60_000,
    );
  const lines: TRecordLine[] = [...minutes.entries()]
    .map(([key, value]) => {
      const [year, trainingType] = key.split("|") as [string, TrainingType];
      return { year: Number(year), trainingType, hours: value / 60 };
    })
    .sort((a, b) => b.year - a.year || a.trainingType.localeCompare(b.trainingType));
  return {
    user: user ? { name: user.name, email: user.email, institution: user.institution?.name ?? "" } : null,
    lines,
    totalHours: lines.reduce((sum, line) => sum + line.hours, 0),
    certificates: certificates.map((row) => {
      // The title printed on the certificate (frozen at issue), else the course's current one.
      const frozen = (row.details as { courseTitle?: unknown } | null)?.courseTitle;
      return {
        id: row.id,
        code: row.verificationCode,
        hours: row.hours,
        issuedAt: row.issuedAt,
        kind: row.kind,
        title: typeof frozen === "string" && frozen ? frozen : (row.course.versions[0]?.title ?? ""),
        titleEn: typeof frozen === "string" && frozen ? null : (row.course.versions[0]?.titleEn ?? null),
        href: `/api/certificates/${row.id}`,
      };
    }),
    sessionsAwaitingCertificate: attendedSessions
      .filter((session) => !certifiedSessions.has(session.id))
      .map((session) => ({
        sessionId: session.id,
        title: session.courseVersion.title,
        titleEn: session.courseVersion.titleEn,
        startsAt: session.slots[0]?.startsAt ?? null,
        href: `/api/sessions/${session.id}/certificate`,
      })),
  };
}

export type TMyTrainingRecord = Awaited<ReturnType<typeof getMyTrainingRecord>>;
