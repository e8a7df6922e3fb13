// The demo enrolments' facts, so that every figure has its basis: the activities a
// learner finished (ActivityProgress), the quiz attempts scored like the player scores them, and
// the progress and completion computed by the same rule as the projection. A completed online
// enrolment has all its required activities done and its quizzes passed; an active one has done
// the first of them; a hybrid one never completes here (the seed records no attendance for it).
import { createHash } from "node:crypto";
import type { TTransaction } from "../db/create-client";
import type { TCertificateDetails } from "../certificates/issue-certificate";
import { verificationCodeFromBytes } from "../certificates/verification-code";
import { evaluateCompletion, parseCompletionRules, type TSessionAttendance } from "../learning/completion-rules";
import { scoreQuiz, ZQuizContent, type TQuizAnswers, type TQuizContent } from "../learning/quiz";
import type { TCourseContent } from "./content";
import type { createRandom } from "./random";
import { deterministicUuid } from "./random";

type TSeededEnrolment = {
  id: string;
  userId: string;
  courseId: string;
  status: string;
  progressPercent: number;
  completedAt: Date | null;
  enrolledAt: Date;
  timeSpentSeconds: number;
};

export type TSeedCourse = {
  content: TCourseContent;
  row: { id: string; modality: "ONLINE" | "IN_PERSON" | "HYBRID"; versions: { declaredDurationMinutes: number }[] };
  rules: unknown;
  owner: { name: string };
};

/** A deterministic 80-bit verification code for a demo certificate. */
export function demoVerificationCode(name: string): string {
  return verificationCodeFromBytes(
    createHash("sha256").update(`relais-demo-certificate:${name}`).digest().subarray(0, 10),
  );
}

/** The right answers of a quiz, as the player's form would send them, with some wrong ones when `wrong` says so. */
function answersFor(quiz: TQuizContent, wrong: (index: number) => boolean): TQuizAnswers {
  const answers: TQuizAnswers = {};
  for (const [index, question] of quiz.questions.entries()) {
    if (question.type === "true_false")
      answers[question.id] = String(wrong(index) ? !question.answer[0] : question.answer[0]);
    else if (question.type === "short") answers[question.id] = wrong(index) ? "je ne sais pas" : question.answer[0]!;
    else if (wrong(index))
      answers[question.id] = question.options
        .filter((option) => !question.answer.includes(option.id))
        .map((option) => option.id)
        .slice(0, 1);
    else answers[question.id] = question.type === "single" ? question.answer[0]! : [...question.answer];
  }
  return answers;
}

export async function seedEnrolmentFacts(
  tx: TTransaction,
  options: {
    enrolments: TSeededEnrolment[];
    courseById: Map<string, TSeedCourse>;
    userNameById: Map<string, string>;
    random: ReturnType<typeof createRandom>;
  },
): Promise<void> {
  // Attended half-days by agent and course (confirmed registrations), as the projection reads them.
  const attendance = new Map<string, TSessionAttendance[]>();
  for (const session of await tx.trainingSession.findMany({
    where: { status: { not: "CANCELLED" } },
    select: {
      courseId: true,
      registrations: { where: { status: "CONFIRMED" }, select: { userId: true } },
      slots: {
        select: { startsAt: true, endsAt: true, attendances: { where: { isPresent: true }, select: { userId: true } } },
      },
    },
  })) {
    const seconds = (slot: { startsAt: Date; endsAt: Date }) =>
      (slot.endsAt.getTime() - slot.startsAt.getTime()) / 1000;
    const sessionSeconds = session.slots.reduce((sum, slot) => sum + seconds(slot), 0);
    for (const { userId } of session.registrations) {
      const key = `${userId}:${session.courseId}`;
      const attendedSeconds = session.slots
        .filter((slot) => slot.attendances.some((row) => row.userId === userId))
        .reduce((sum, slot) => sum + seconds(slot), 0);
      attendance.set(key, [...(attendance.get(key) ?? []), { attendedSeconds, sessionSeconds }]);
    }
  }
  const progress: { enrolmentId: string; activityKey: string; isCompleted: boolean; completedAt: Date }[] = [];
  const attempts: {
    enrolmentId: string;
    activityKey: string;
    idempotencyKey: string;
    number: number;
    answers: TQuizAnswers;
    scaledScore: number;
    isPassed: boolean;
    createdAt: Date;
  }[] = [];
  const updates: { id: string; progressPercent: number; scaledScore: number | null }[] = [];
  const certificates: {
    kind: "ACHIEVEMENT";
    verificationCode: string;
    userId: string;
    courseId: string;
    enrolmentId: string;
    hours: number;
    details: TCertificateDetails;
    issuedAt: Date;
  }[] = [];
  for (const enrolment of options.enrolments) {
    if (enrolment.status === "PENDING_APPROVAL") continue;
    const course = options.courseById.get(enrolment.courseId)!;
    const activities = course.content.modules.flatMap((module) => module.activities);
    const isCompleted = enrolment.status === "COMPLETED";
    // Active learners did the first share of the activities their stored percentage suggested.
    const doneCount = isCompleted
      ? activities.length
      : Math.floor((enrolment.progressPercent / 100) * activities.length);
    const at = enrolment.completedAt ?? new Date(enrolment.enrolledAt.getTime() + 86_400_000);
    const passed = new Set<string>();
    const scores: number[] = [];
    for (const activity of activities.slice(0, doneCount)) {
      if (activity.kind !== "QUIZ") {
        progress.push({ enrolmentId: enrolment.id, activityKey: activity.key, isCompleted: true, completedAt: at });
        continue;
      }
      const quiz = ZQuizContent.parse(activity.content);
      let answers = answersFor(quiz, () => options.random.chance(0.2));
      let result = scoreQuiz(quiz, answers);
      if (!result.isPassed) {
        answers = answersFor(quiz, () => false);
        result = scoreQuiz(quiz, answers);
      }
      attempts.push({
        enrolmentId: enrolment.id,
        activityKey: activity.key,
        idempotencyKey: deterministicUuid(`attempt:${enrolment.id}:${activity.key}`),
        number: 1,
        answers,
        scaledScore: result.scaledScore,
        isPassed: result.isPassed,
        createdAt: at,
      });
      passed.add(activity.key);
      scores.push(result.scaledScore);
    }
    const rules = parseCompletionRules(course.rules);
    const facts = evaluateCompletion({
      rules,
      modality: course.row.modality,
      activities: activities.map((activity) => ({ key: activity.key, kind: activity.kind, isRequired: true })),
      completedKeys: new Set(progress.filter((row) => row.enrolmentId === enrolment.id).map((row) => row.activityKey)),
      attemptedQuizKeys: passed,
      passedQuizKeys: passed,
      timeSpentSeconds: enrolment.timeSpentSeconds,
      sessions: attendance.get(`${enrolment.userId}:${enrolment.courseId}`) ?? [],
    });
    // The demo holds no completion without its basis, and no unrecorded one (a hybrid course's
    // online part is left unfinished, so its attended half-days alone never complete it).
    if (isCompleted !== facts.isComplete)
      throw new Error(`demo seed: enrolment ${enrolment.id} is ${enrolment.status} but its facts say otherwise`);
    const scaledScore = scores.length
      ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10_000) / 10_000
      : null;
    updates.push({ id: enrolment.id, progressPercent: facts.progressPercent, scaledScore });
    if (isCompleted) {
      const version = course.content;
      const hasQuiz = activities.some((activity) => activity.kind === "QUIZ");
      certificates.push({
        kind: "ACHIEVEMENT",
        verificationCode: demoVerificationCode(enrolment.id),
        userId: enrolment.userId,
        courseId: enrolment.courseId,
        enrolmentId: enrolment.id,
        hours: version.durationMinutes / 60,
        issuedAt: at,
        details: {
          agentName: options.userNameById.get(enrolment.userId) ?? "",
          courseTitle: version.title.fr,
          objectives: version.objectives.fr,
          modality: course.row.modality,
          trainingType: version.trainingType,
          declaredDurationMinutes: version.durationMinutes,
          dates: [at.toISOString().slice(0, 10)],
          attendedHours: null,
          evaluationResult: hasQuiz && scaledScore !== null ? `${Math.round(scaledScore * 100)} %` : null,
          institutionName: course.owner.name,
          siteName: null,
        },
      });
    }
  }
  await tx.activityProgress.createMany({ data: progress });
  await tx.quizAttempt.createMany({ data: attempts });
  await tx.certificate.createMany({ data: certificates });
  // One set-based update of every enrolment's figures.
  if (updates.length > 0)
    await tx.$executeRawUnsafe(
      `UPDATE "Enrolment" AS e SET "progressPercent" = v.progress, "scaledScore" = v.score
       FROM (SELECT unnest($1::text[]) AS id, unnest($2::int[]) AS progress, unnest($3::float8[]) AS score) AS v
       WHERE e.id = v.id`,
      updates.map((row) => row.id),
      updates.map((row) => row.progressPercent),
      updates.map((row) => row.scaledScore),
    );
}
