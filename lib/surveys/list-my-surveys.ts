import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { followUpDelayDays } from "./follow-up-delay";

export type TMySurvey = {
  courseId: string;
  title: string;
  kind: "SATISFACTION" | "FOLLOW_UP";
  isAnswered: boolean;
  opensAt: Date;
};

/** The actor's own surveys: one satisfaction and one follow-up per training they finished. */
export async function listMySurveys(actor: TActor): Promise<TMySurvey[]> {
  const [enrolments, attendances, responses] = await Promise.all([
    db.enrolment.findMany({
      where: { userId: actor.userId, status: "COMPLETED" },
      select: { courseId: true, completedAt: true, courseVersion: { select: { title: true } } },
    }),
    db.attendance.findMany({
      where: { userId: actor.userId, isPresent: true },
      select: {
        slot: {
          select: { endsAt: true, session: { select: { courseId: true, courseVersion: { select: { title: true } } } } },
        },
      },
    }),
    db.surveyResponse.findMany({ where: { userId: actor.userId }, select: { courseId: true, kind: true } }),
  ]);
  const finished = new Map<string, { title: string; at: Date }>();
  const note = (courseId: string, title: string, at: Date) => {
    const current = finished.get(courseId);
    if (!current || at > current.at) finished.set(courseId, { title, at });
  };
  for (const row of enrolments) if (row.completedAt) note(row.courseId, row.courseVersion.title, row.completedAt);
  for (const row of attendances) note(row.slot.session.courseId, row.slot.session.courseVersion.title, row.slot.endsAt);
  const answered = new Set(responses.map((row) => `${row.courseId}|${row.kind}`));
  return [...finished.entries()]
    .sort((a, b) => b[1].at.getTime() - a[1].at.getTime())
    .flatMap(([courseId, { title, at }]) => [
      {
        courseId,
        title,
        kind: "SATISFACTION" as const,
        isAnswered: answered.has(`${courseId}|SATISFACTION`),
        opensAt: at,
      },
      {
        courseId,
        title,
        kind: "FOLLOW_UP" as const,
        isAnswered: answered.has(`${courseId}|FOLLOW_UP`),
        opensAt: new Date(at.getTime() + followUpDelayDays() * 86_400_000),
      },
    ]);
}
