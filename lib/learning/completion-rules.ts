import { z } from "zod";

/** CourseVersion.completionRules; missing fields take the strictest usual defaults. */
export const ZCompletionRules = z.object({
  requiredActivities: z.union([z.literal("all"), z.array(z.string())]).default("all"),
  quizPassRequired: z.boolean().default(true),
  minimumMinutes: z.number().int().min(0).max(10_000).default(0),
  /** Hybrid and in-person courses: minutes of session half-days the agent must have attended (none when absent). */
  minimumAttendedMinutes: z.number().int().min(0).max(10_000).optional(),
});
export type TCompletionRules = z.infer<typeof ZCompletionRules>;

export function parseCompletionRules(value: unknown): TCompletionRules {
  const parsed = ZCompletionRules.safeParse(value ?? {});
  return parsed.success ? parsed.data : ZCompletionRules.parse({});
}

type TActivityFact = { key: string; kind: "LESSON" | "VIDEO" | "QUIZ" | "FILE"; isRequired: boolean };

/**
 * The one definition of progress and completion, from facts projected out of the statements:
 * - required activities: "all" means every activity marked required; a list names activity keys;
 * - a quiz counts as done once passed when quizPassRequired, else once attempted;
 * - completion also needs the minimum time spent (summed from `terminated` durations), to which
 *   the hours attended at the course's sessions count (hybrid courses: online and in person);
 * - and at least minimumAttendedMinutes of attended half-days (hybrid courses: both parts).
 */
export function evaluateCompletion(options: {
  rules: TCompletionRules;
  activities: TActivityFact[];
  completedKeys: Set<string>;
  attemptedQuizKeys: Set<string>;
  passedQuizKeys: Set<string>;
  timeSpentSeconds: number;
  /** Seconds of session half-days attended (present at the roll call or checked in). */
  attendedSeconds?: number;
}): { progressPercent: number; isComplete: boolean } {
  const { rules, activities } = options;
  const required =
    rules.requiredActivities === "all"
      ? activities.filter((activity) => activity.isRequired)
      : activities.filter((activity) => (rules.requiredActivities as string[]).includes(activity.key));
  const isDone = (activity: TActivityFact) =>
    activity.kind === "QUIZ"
      ? (rules.quizPassRequired ? options.passedQuizKeys : options.attemptedQuizKeys).has(activity.key)
      : options.completedKeys.has(activity.key);
  const done = required.filter(isDone).length;
  const progressPercent = required.length === 0 ? 100 : Math.floor((done / required.length) * 100);
  const quizzesPassed =
    !rules.quizPassRequired ||
    activities
      .filter((activity) => activity.kind === "QUIZ" && required.includes(activity))
      .every((quiz) => options.passedQuizKeys.has(quiz.key));
  const attendedSeconds = options.attendedSeconds ?? 0;
  const isComplete =
    done === required.length &&
    quizzesPassed &&
    options.timeSpentSeconds + attendedSeconds >= rules.minimumMinutes * 60 &&
    attendedSeconds >= (rules.minimumAttendedMinutes ?? 0) * 60;
  return { progressPercent, isComplete };
}
