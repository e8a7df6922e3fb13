import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { getLearnerEnrolmentOrThrow } from "./get-learner-enrolment";
import { scoreQuiz, ZQuizAnswers, ZQuizContent, type TQuizResult } from "./quiz";
import { recomputeEnrolmentProgress } from "./recompute-enrolment-progress";
import { parseCompletionRules } from "./completion-rules";

export const ZSubmitQuizAttemptInput = z.object({
  enrolmentId: z.string().min(1).max(40),
  activityKey: z.string().min(1).max(200),
  /** Generated with the form: a resubmission of the same form (double click, network retry) counts once. */
  idempotencyKey: z.uuid(),
  answers: ZQuizAnswers,
});
export type TSubmitQuizAttemptInput = z.infer<typeof ZSubmitQuizAttemptInput>;

export type TQuizAttemptOutcome = TQuizResult & {
  attemptId: string;
  number: number;
  isReplay: boolean;
  createdAt: Date;
};

/** Scores a quiz attempt on the server, within the attempt limit, exactly once per idempotency key. */
export async function submitQuizAttempt(actor: TActor, input: TSubmitQuizAttemptInput): Promise<TQuizAttemptOutcome> {
  const parsed = ZSubmitQuizAttemptInput.safeParse(input);
  if (!parsed.success) {
    throw localizedAppError("INVALID", "Your answers could not be read: reload the page and answer again.", {
      messageKey: "errors.learning.badQuizAnswers",
      values: {},
    });
  }
  const { enrolmentId, activityKey, idempotencyKey, answers } = parsed.data;
  const enrolment = await getLearnerEnrolmentOrThrow(actor, enrolmentId);
  const activity = enrolment.courseVersion.modules
    .flatMap((module) => module.activities)
    .find((candidate) => candidate.key === activityKey);
  if (!activity || activity.kind !== "QUIZ") throw new AppError("NOT_FOUND", "This quiz is not part of your course.");
  const readable = ZQuizContent.safeParse(activity.content);
  if (!readable.success)
    throw new AppError("CONFLICT", "This quiz's definition cannot be read.", {
      messageKey: "learning.player.unreadable",
      values: {},
    });
  const quiz = readable.data;
  const canImproveScore = parseCompletionRules(enrolment.courseVersion.completionRules).canImproveScore;
  const knownIds = new Set(quiz.questions.map((question) => question.id));
  const unknown = Object.keys(answers).find((id) => !knownIds.has(id));
  if (unknown)
    throw localizedAppError("INVALID", "An answer is for a question that is not in this quiz: reload the page.", {
      messageKey: "errors.learning.unknownQuestion",
      values: {},
    });

  return db.$transaction(async (tx) => {
    // Serialises attempts of one enrolment so the limit and the numbering hold under concurrency.
    await tx.$queryRaw`SELECT id FROM "Enrolment" WHERE id = ${enrolmentId} FOR UPDATE`;
    const previous = await tx.quizAttempt.findUnique({
      where: { enrolmentId_idempotencyKey: { enrolmentId, idempotencyKey } },
    });
    if (previous) {
      if (previous.activityKey !== activityKey)
        throw localizedAppError("CONFLICT", "This submission was already used for another quiz: reload the page.", {
          messageKey: "errors.learning.submissionKeyReused",
          values: {},
        });
      const replayed = scoreQuiz(quiz, ZQuizAnswers.parse(previous.answers));
      return {
        ...replayed,
        scaledScore: previous.scaledScore,
        isPassed: previous.isPassed,
        attemptId: previous.id,
        number: previous.number,
        isReplay: true,
        createdAt: previous.createdAt,
      };
    }
    const used = await tx.quizAttempt.count({ where: { enrolmentId, activityKey } });
    // A passed quiz is done: no new attempt unless the course allows improving a score.
    if (!canImproveScore && (await tx.quizAttempt.count({ where: { enrolmentId, activityKey, isPassed: true } })) > 0)
      throw new AppError("CONFLICT", "You have already passed this quiz.", {
        messageKey: "learning.player.passedAlready",
        values: {},
        reason: "PASSED",
      });
    if (quiz.attemptLimit && used >= quiz.attemptLimit)
      throw new AppError("CONFLICT", "You have used all your attempts for this quiz.", {
        messageKey: "learning.quiz.noAttemptsLeft",
        values: {},
      });
    const result = scoreQuiz(quiz, answers);
    const attempt = await tx.quizAttempt.create({
      data: {
        enrolmentId,
        activityKey,
        idempotencyKey,
        number: used + 1,
        answers,
        scaledScore: result.scaledScore,
        isPassed: result.isPassed,
      },
    });
    await tx.enrolment.update({ where: { id: enrolmentId }, data: { lastActivityKey: activityKey } });
    await recomputeEnrolmentProgress(tx, enrolmentId);
    return { ...result, attemptId: attempt.id, number: attempt.number, isReplay: false, createdAt: attempt.createdAt };
  });
}
