import "server-only";
import { createHash } from "node:crypto";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { storeStatements } from "../lrs/store-statements";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import { projectStatements } from "./project-statements";
import type { TQuizAttemptOutcome } from "./submit-quiz-attempt";
import { buildStatement } from "./xapi-statement";
import { ACTIVITY_TYPE, toIsoDuration } from "./xapi-vocabulary";

/** A UUID derived from the attempt, so recording the same attempt twice stores nothing new. */
function derivedUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The LRS record of a server-scored attempt: one "answered" per question (response, success)
 * and "passed" or "failed" with the scaled score. Ids and timestamps derive from the attempt,
 * so a retried submission (idempotent replay) re-sends identical statements, which the LRS
 * accepts without storing twice.
 */
export async function recordQuizStatements(
  actor: TActor,
  options: {
    enrolmentId: string;
    activityKey: string;
    outcome: TQuizAttemptOutcome;
    answers: Record<string, string | string[]>;
  },
): Promise<void> {
  const enrolment = await db.enrolment.findUniqueOrThrow({
    where: { id: options.enrolmentId },
    select: {
      registration: true,
      course: { select: { slug: true } },
      courseVersion: { select: { title: true } },
      user: { select: { locale: true } },
    },
  });
  const slug = enrolment.course.slug;
  const quizIri = xapiActivityId.activity(slug, options.activityKey);
  const context = {
    actor: xapiAgentForUser({ id: actor.userId, name: actor.name }),
    registration: enrolment.registration,
    course: { id: xapiActivityId.course(slug), name: enrolment.courseVersion.title },
    language: enrolment.user.locale,
  };
  const timestamp = options.outcome.createdAt.toISOString();
  const seed = `quiz-attempt:${options.outcome.attemptId}`;
  const answered = options.outcome.questions.map((question) =>
    buildStatement(context, {
      id: derivedUuid(`${seed}:${question.id}`),
      timestamp,
      verb: "answered",
      object: {
        id: `${quizIri}/questions/${encodeURIComponent(question.id)}`,
        type: ACTIVITY_TYPE.question,
        name: question.id,
      },
      result: { response: [options.answers[question.id] ?? []].flat().join("[,]"), success: question.isCorrect },
    }),
  );
  const verdict = buildStatement(context, {
    id: derivedUuid(`${seed}:verdict`),
    timestamp,
    verb: options.outcome.isPassed ? "passed" : "failed",
    object: { id: quizIri, type: ACTIVITY_TYPE.assessment, name: options.activityKey },
    result: {
      score: { scaled: options.outcome.scaledScore },
      success: options.outcome.isPassed,
      completion: true,
      duration: toIsoDuration(0),
    },
  });
  await storeStatements({
    credentials: { kind: "learner", userId: actor.userId, name: actor.name, institutionId: actor.institutionId },
    statements: [...answered, verdict],
    project: projectStatements,
  });
}
