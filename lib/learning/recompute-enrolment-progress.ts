import "server-only";
import type { TTransaction } from "../db";
import { issueCertificate } from "../certificates/issue-certificate";
import { evaluateCompletion, parseCompletionRules } from "./completion-rules";

/**
 * Recomputes an enrolment's progress, score and completion from its projected facts
 * (ActivityProgress rows from statements, server-scored QuizAttempt rows, summed time).
 * Called inside the transaction that changed those facts. Completion is never undone.
 */
export async function recomputeEnrolmentProgress(
  tx: TTransaction,
  enrolmentId: string,
): Promise<{ progressPercent: number; isComplete: boolean; hasJustCompleted: boolean }> {
  const enrolment = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    select: {
      id: true,
      status: true,
      userId: true,
      timeSpentSeconds: true,
      user: { select: { name: true } },
      course: { select: { id: true, modality: true, trainingType: true, institution: { select: { name: true } } } },
      courseVersion: {
        select: {
          title: true,
          objectives: true,
          declaredDurationMinutes: true,
          completionRules: true,
          modules: { select: { activities: { select: { key: true, kind: true, isRequired: true } } } },
        },
      },
      activityProgress: { where: { isCompleted: true }, select: { activityKey: true } },
      quizAttempts: { select: { activityKey: true, isPassed: true, scaledScore: true } },
    },
  });
  // Hours attended at the course's sessions count toward completion (hybrid and in-person courses).
  const attendedSeconds =
    enrolment.course.modality === "ONLINE"
      ? 0
      : (
          await tx.attendance.findMany({
            where: {
              userId: enrolment.userId,
              isPresent: true,
              slot: { session: { courseId: enrolment.course.id, status: { not: "CANCELLED" } } },
            },
            select: { slot: { select: { startsAt: true, endsAt: true } } },
          })
        ).reduce((sum, row) => sum + (row.slot.endsAt.getTime() - row.slot.startsAt.getTime()) / 1000, 0);
  const activities = enrolment.courseVersion.modules.flatMap((module) => module.activities);
  const bestScoreByQuiz = new Map<string, number>();
  for (const attempt of enrolment.quizAttempts)
    bestScoreByQuiz.set(
      attempt.activityKey,
      Math.max(bestScoreByQuiz.get(attempt.activityKey) ?? 0, attempt.scaledScore),
    );
  const rules = parseCompletionRules(enrolment.courseVersion.completionRules);
  const { progressPercent, isComplete } = evaluateCompletion({
    rules,
    activities,
    completedKeys: new Set(enrolment.activityProgress.map((row) => row.activityKey)),
    attemptedQuizKeys: new Set(enrolment.quizAttempts.map((attempt) => attempt.activityKey)),
    passedQuizKeys: new Set(
      enrolment.quizAttempts.filter((attempt) => attempt.isPassed).map((attempt) => attempt.activityKey),
    ),
    timeSpentSeconds: enrolment.timeSpentSeconds,
    attendedSeconds,
  });
  // The course score is the mean of each quiz's best attempt.
  const scores = [...bestScoreByQuiz.values()];
  const scaledScore = scores.length
    ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10_000) / 10_000
    : null;
  const hasJustCompleted = isComplete && enrolment.status === "ACTIVE";
  await tx.enrolment.update({
    where: { id: enrolmentId },
    data: {
      progressPercent: enrolment.status === "COMPLETED" ? 100 : progressPercent,
      scaledScore,
      ...(hasJustCompleted ? { status: "COMPLETED", completedAt: new Date() } : {}),
    },
  });
  if (hasJustCompleted) {
    const completedAt = new Date();
    await tx.enrolmentStatusChange.create({
      data: {
        enrolmentId,
        fromStatus: "ACTIVE",
        toStatus: "COMPLETED",
        actorId: null,
        comment: "completion rules met",
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: enrolment.userId,
        action: "enrolment.completed",
        entityType: "Enrolment",
        entityId: enrolmentId,
        data: { progressPercent, scaledScore },
      },
    });
    // Completion of an online course earns a certificate of achievement, issued in the same transaction.
    const version = enrolment.courseVersion;
    const hasEvaluation = rules.quizPassRequired && scaledScore !== null;
    await issueCertificate(
      {
        kind: "ACHIEVEMENT",
        userId: enrolment.userId,
        courseId: enrolment.course.id,
        enrolmentId,
        hours: Math.round((version.declaredDurationMinutes / 60) * 100) / 100,
        details: {
          agentName: enrolment.user.name,
          courseTitle: version.title,
          objectives: version.objectives,
          modality: enrolment.course.modality,
          trainingType: enrolment.course.trainingType,
          declaredDurationMinutes: version.declaredDurationMinutes,
          dates: [completedAt.toISOString().slice(0, 10)],
          attendedHours: attendedSeconds > 0 ? Math.round((attendedSeconds / 3600) * 100) / 100 : null,
          evaluationResult: hasEvaluation ? `${Math.round(scaledScore * 100)} %` : null,
          institutionName: enrolment.course.institution.name,
          siteName: null,
        },
      },
      tx,
    );
  }
  return { progressPercent, isComplete, hasJustCompleted };
}
