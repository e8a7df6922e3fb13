import "server-only";
import type { TTransaction } from "../db";
import { issueCertificate, type TIssuedCertificate } from "../certificates/issue-certificate";
import { parseCompletionRules } from "../learning/completion-rules";

/** "2026-03-09" in the site's time zone. */
function localDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeZone }).format(date);
}

/**
 * The attendance certificate of an agent for a session, issued when its basis
 * exists — a confirmed registration and at least one half-day attended — with the attended hours,
 * the dates of those half-days and, only where the course plans an evaluation (a required quiz),
 * its result. Idempotent (issueCertificate). Null when there is no basis: nothing is written.
 */
export async function issueAttendanceCertificate(
  tx: TTransaction,
  options: { sessionId: string; userId: string },
): Promise<TIssuedCertificate | null> {
  const { sessionId, userId } = options;
  const session = await tx.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      status: true,
      courseId: true,
      course: {
        select: { modality: true, trainingType: true, institution: { select: { name: true, timeZone: true } } },
      },
      courseVersion: {
        select: {
          title: true,
          objectives: true,
          declaredDurationMinutes: true,
          completionRules: true,
          modules: { select: { activities: { where: { kind: "QUIZ" }, select: { id: true } } } },
        },
      },
      site: { select: { name: true, city: true } },
      registrations: { where: { userId, status: "CONFIRMED" }, select: { id: true } },
      slots: {
        orderBy: { startsAt: "asc" },
        select: {
          startsAt: true,
          endsAt: true,
          attendances: { where: { userId, isPresent: true }, select: { id: true } },
        },
      },
    },
  });
  if (!session || session.status === "CANCELLED" || session.registrations.length === 0) return null;
  const attended = session.slots.filter((slot) => slot.attendances.length > 0);
  if (attended.length === 0) return null;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const attendedHours =
    Math.round(
      (attended.reduce((sum, slot) => sum + (slot.endsAt.getTime() - slot.startsAt.getTime()), 0) / 3600_000) * 100,
    ) / 100;
  const rules = parseCompletionRules(session.courseVersion.completionRules);
  const hasEvaluation =
    rules.quizPassRequired && session.courseVersion.modules.some((module) => module.activities.length > 0);
  let evaluationResult: string | null = null;
  if (hasEvaluation) {
    const enrolment = await tx.enrolment.findUnique({
      where: { userId_courseId: { userId, courseId: session.courseId } },
      select: { scaledScore: true },
    });
    evaluationResult = enrolment?.scaledScore != null ? `${Math.round(enrolment.scaledScore * 100)} %` : "—";
  }
  const timeZone = session.course.institution.timeZone;
  return issueCertificate(
    {
      kind: "ATTENDANCE",
      userId,
      courseId: session.courseId,
      sessionId,
      hours: attendedHours,
      details: {
        agentName: user.name,
        courseTitle: session.courseVersion.title,
        objectives: session.courseVersion.objectives,
        modality: session.course.modality,
        trainingType: session.course.trainingType,
        declaredDurationMinutes: session.courseVersion.declaredDurationMinutes,
        dates: [...new Set(attended.map((slot) => localDay(slot.startsAt, timeZone)))],
        attendedHours,
        evaluationResult,
        institutionName: session.course.institution.name,
        siteName: `${session.site.name}, ${session.site.city}`,
      },
    },
    tx,
  );
}
