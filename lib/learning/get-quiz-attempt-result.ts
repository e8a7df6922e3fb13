import "server-only";
import { db } from "../db";
import { scoreQuiz, ZQuizAnswers, ZQuizContent } from "./quiz";

/** A past attempt of this enrolment with its per-question feedback (shown only after submitting). */
export async function getQuizAttemptResult(options: { enrolmentId: string; attemptId: string; quizContent: unknown }) {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: options.attemptId, enrolmentId: options.enrolmentId },
  });
  if (!attempt) return null;
  const quiz = ZQuizContent.parse(options.quizContent);
  const scored = scoreQuiz(quiz, ZQuizAnswers.parse(attempt.answers));
  return {
    ...scored,
    scaledScore: attempt.scaledScore,
    isPassed: attempt.isPassed,
    number: attempt.number,
    activityKey: attempt.activityKey,
  };
}

export async function countQuizAttempts(enrolmentId: string, activityKey: string) {
  return db.quizAttempt.count({ where: { enrolmentId, activityKey } });
}
