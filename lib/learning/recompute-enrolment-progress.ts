import "server-only";
import type { TTransaction } from "../db";
import { issueCertificate } from "../certificates/issue-certificate";
import { revokeCertificates } from "../certificates/revoke-certificates";
import { evaluateCompletion, parseCompletionRules, type TSessionAttendance } from "./completion-rules";

/** Attendance of the agent at each session of the course: confirmed registrations only, cancelled sessions left out. */
async function loadSessionAttendance(
  tx: TTransaction,
  options: { userId: string; courseId: string },
): Promise<TSessionAttendance[]> {
  const sessions = await tx.trainingSession.findMany({
    where: {
      courseId: options.courseId,
      status: { not: "CANCELLED" },
      registrations: { some: { userId: options.userId, status: "CONFIRMED" } },
    },
    select: {
      slots: {
        select: {
          startsAt: true,
          endsAt: true,
          attendances: { where: { userId: options.userId, isPresent: true }, select: { id: true } },
        },
      },
    },
  });
  const seconds = (slot: { startsAt: Date; endsAt: Date }) => (slot.endsAt.getTime() - slot.startsAt.getTime()) / 1000;
  return sessions.map((session) => ({
    sessionSeconds: session.slots.reduce((sum, slot) => sum + seconds(slot), 0),
    attendedSeconds: session.slots
      .filter((slot) => slot.attendances.length > 0)
      .reduce((sum, slot) => sum + seconds(slot), 0),
  }));
}

/**
 * Recomputes an enrolment's progress, score and completion from its projected facts
 * (ActivityProgress rows from statements, server-scored QuizAttempt rows, summed time, attended
 * half-days of confirmed registrations). Called inside the transaction that changed those facts.
 *
 * Completion is undone only when `isWithdrawal` says a fact was taken back (a presence corrected
 * to absent, a registration cancelled): the enrolment goes back to ACTIVE and its certificate of
 * achievement is revoked, in the caller's transaction. Other recomputations never undo it (a new
 * version's rules do not take a completion away).
 */
export async function recomputeEnrolmentProgress(
  tx: TTransaction,
  enrolmentId: string,
  options: { isWithdrawal?: boolean; actorId?: string | null; reason?: string } = {},
): Promise<{ progressPercent: number; isComplete: boolean; hasJustCompleted: boolean; isWithdrawn: boolean }> {
  const enrolment = await tx.enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    select: {
      id: true,
      status: true,
      userId: true,
      progressPercent: true,
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
  const modality = enrolment.course.modality;
  const sessions =
    modality === "ONLINE"
      ? []
      : await loadSessionAttendance(tx, { userId: enrolment.userId, courseId: enrolment.course.id });
  const attendedSeconds = sessions.reduce((max, session) => Math.max(max, session.attendedSeconds), 0);
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
    modality,
    activities,
    completedKeys: new Set(enrolment.activityProgress.map((row) => row.activityKey)),
    attemptedQuizKeys: new Set(enrolment.quizAttempts.map((attempt) => attempt.activityKey)),
    passedQuizKeys: new Set(
      enrolment.quizAttempts.filter((attempt) => attempt.isPassed).map((attempt) => attempt.activityKey),
    ),
    timeSpentSeconds: enrolment.timeSpentSeconds,
    sessions,
  });
  // The course score is the mean of each quiz's best attempt.
  const scores = [...bestScoreByQuiz.values()];
  const scaledScore = scores.length
    ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10_000) / 10_000
    : null;
  const hasJustCompleted = isComplete && enrolment.status === "ACTIVE";
  const isWithdrawn = !isComplete && enrolment.status === "COMPLETED" && Boolean(options.isWithdrawal);
  const storedProgress =
    enrolment.status === "COMPLETED" && !isWithdrawn
      ? 100
      : options.isWithdrawal
        ? progressPercent
        : // Facts only accumulate here: never show less than before (a rounding or rule edge case).
          Math.max(progressPercent, Math.min(enrolment.progressPercent, 99));
  await tx.enrolment.update({
    where: { id: enrolmentId },
    data: {
      progressPercent: storedProgress,
      scaledScore,
      ...(hasJustCompleted ? { status: "COMPLETED", completedAt: new Date() } : {}),
      ...(isWithdrawn ? { status: "ACTIVE", completedAt: null } : {}),
    },
  });
  if (isWithdrawn) {
    await tx.enrolmentStatusChange.create({
      data: {
        enrolmentId,
        fromStatus: "COMPLETED",
        toStatus: "ACTIVE",
        actorId: options.actorId ?? null,
        comment: options.reason ?? "basis of completion withdrawn",
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: options.actorId ?? null,
        action: "enrolment.completionWithdrawn",
        entityType: "Enrolment",
        entityId: enrolmentId,
        data: { progressPercent, reason: options.reason ?? null },
      },
    });
    await revokeCertificates(tx, {
      where: { enrolmentId, kind: "ACHIEVEMENT" },
      actorId: options.actorId ?? null,
      reason: options.reason ?? "basis of completion withdrawn",
    });
  }
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
    // Online and hybrid completions earn a certificate of achievement, issued in the same
    // transaction; an in-person course's certificate is the attendance certificate of its session.
    if (modality !== "IN_PERSON") {
      const version = enrolment.courseVersion;
      const hasEvaluation = rules.quizPassRequired && activities.some((activity) => activity.kind === "QUIZ");
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
            modality,
            trainingType: enrolment.course.trainingType,
            declaredDurationMinutes: version.declaredDurationMinutes,
            dates: [completedAt.toISOString().slice(0, 10)],
            attendedHours: attendedSeconds > 0 ? Math.round((attendedSeconds / 3600) * 100) / 100 : null,
            evaluationResult: hasEvaluation && scaledScore !== null ? `${Math.round(scaledScore * 100)} %` : null,
            institutionName: enrolment.course.institution.name,
            siteName: null,
          },
        },
        tx,
      );
    }
  }
  return { progressPercent: storedProgress, isComplete, hasJustCompleted, isWithdrawn };
}
