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
      where: { userId, isPresent: true },
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
        course: { select: { versions: { ...LATEST_PUBLISHED_VERSION, select: { title: true } } } },
      },
    }),
  ]);
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
    certificates: certificates.map((row) => ({
      id: row.id,
      code: row.verificationCode,
      hours: row.hours,
      issuedAt: row.issuedAt,
      kind: row.kind,
      title: row.course.versions[0]?.title ?? "",
    })),
  };
}

export type TMyTrainingRecord = Awaited<ReturnType<typeof getMyTrainingRecord>>;
