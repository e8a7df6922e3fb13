import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { buildPlayerView } from "./build-player-view";
import { getLearnerEnrolmentOrThrow } from "./get-learner-enrolment";
import { getQuizAttemptResult } from "./get-quiz-attempt-result";

/**
 * What the player page shows, decided here: the outline with each activity done as
 * the completion rules count it, the progress and completion stored by the projection (never
 * re-derived in the page), and for a quiz whether a new attempt is offered — not once passed,
 * unless the course allows improving a score; never beyond the attempt limit. The certificate
 * link appears once a certificate exists.
 */
export async function getPlayerView(
  actor: TActor,
  options: { enrolmentId: string; requestedKey: string | null; attemptId: string | null; locale: TLocale },
) {
  const enrolment = await getLearnerEnrolmentOrThrow(actor, options.enrolmentId);
  const view = buildPlayerView({
    enrolment,
    requestedKey: options.requestedKey,
    locale: options.locale,
    actorName: actor.name,
  });
  const current = view.current;
  let quiz: {
    attemptsUsed: number;
    attemptLimit: number | null;
    isPassed: boolean;
    bestPercent: number | null;
    canAttempt: boolean;
    hasAttemptsLeft: boolean;
    result: Awaited<ReturnType<typeof getQuizAttemptResult>>;
  } | null = null;
  if (current?.quiz) {
    const definition = enrolment.courseVersion.modules
      .flatMap((module) => module.activities)
      .find((activity) => activity.key === current.key);
    const attempts = await db.quizAttempt.findMany({
      where: { enrolmentId: enrolment.id, activityKey: current.key },
      select: { scaledScore: true, isPassed: true },
    });
    const attemptLimit = current.quiz.attemptLimit;
    const hasAttemptsLeft = attemptLimit === null || attempts.length < attemptLimit;
    const isPassed = attempts.some((attempt) => attempt.isPassed);
    quiz = {
      attemptsUsed: attempts.length,
      attemptLimit,
      isPassed,
      bestPercent: attempts.length
        ? Math.round(Math.max(...attempts.map((attempt) => attempt.scaledScore)) * 100)
        : null,
      hasAttemptsLeft,
      canAttempt: hasAttemptsLeft && (!isPassed || view.canImproveScore),
      result: options.attemptId
        ? await getQuizAttemptResult({
            enrolmentId: enrolment.id,
            attemptId: options.attemptId,
            quizContent: definition?.content,
          })
        : null,
    };
  }
  const certificate = enrolment.certificates[0] ?? null;
  return {
    ...view,
    enrolmentId: enrolment.id,
    courseHref: `/courses/${encodeURIComponent(enrolment.course.slug)}`,
    progressPercent: enrolment.progressPercent,
    isCompleted: enrolment.status === "COMPLETED",
    quiz,
    certificateHref: certificate ? `/api/certificates/${certificate.id}` : null,
    /** Completed in person or hybrid without a certificate yet: the attendance certificate comes with the session's end. */
    isCertificatePending: enrolment.status === "COMPLETED" && !certificate,
  };
}
export type TPlayerPageView = Awaited<ReturnType<typeof getPlayerView>>;
