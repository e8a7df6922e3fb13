// Demo survey answers, so that the satisfaction and perceived-effectiveness indicators have
// figures in the demo: about 60 % of completions answered the satisfaction survey the next day,
// and 40 % of those older than the follow-up delay answered the follow-up survey.
import type { TTransaction } from "../db/create-client";
import { DEFAULT_FOLLOW_UP_DELAY_DAYS } from "../env-schema";
import { SURVEY_QUESTIONS } from "../surveys/survey-questions";
import type { createRandom } from "./random";

const DAY = 86_400_000;

export async function seedIndicators(
  tx: TTransaction,
  context: { random: ReturnType<typeof createRandom>; now?: Date },
) {
  const { random } = context;
  // The demo reference date (seed-demo-data.ts), not the clock: the same answers on every machine.
  const now = context.now ?? new Date("2026-09-01T08:00:00Z");
  const completed = await tx.enrolment.findMany({
    where: { status: "COMPLETED" },
    orderBy: { id: "asc" },
    select: { userId: true, courseId: true, completedAt: true },
  });
  const rate = (questions: readonly string[]) =>
    Object.fromEntries(questions.map((code) => [code, random.int(1, 10) <= 2 ? random.int(1, 3) : random.int(3, 5)]));
  const responses = [];
  for (const row of completed) {
    if (!row.completedAt) continue;
    if (random.chance(0.6)) {
      responses.push({
        kind: "SATISFACTION" as const,
        userId: row.userId,
        courseId: row.courseId,
        answers: rate(SURVEY_QUESTIONS.SATISFACTION),
        submittedAt: new Date(row.completedAt.getTime() + DAY),
      });
    }
    const followUpAt = new Date(row.completedAt.getTime() + (DEFAULT_FOLLOW_UP_DELAY_DAYS + 5) * DAY);
    if (followUpAt < now && random.chance(0.4)) {
      responses.push({
        kind: "FOLLOW_UP" as const,
        userId: row.userId,
        courseId: row.courseId,
        answers: rate(SURVEY_QUESTIONS.FOLLOW_UP),
        submittedAt: followUpAt,
      });
    }
  }
  await tx.surveyResponse.createMany({ data: responses, skipDuplicates: true });
}
