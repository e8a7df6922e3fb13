import { z } from "zod";
import type { Modality } from "../db/generated/enums";

/** CourseVersion.completionRules; missing fields take the strictest usual defaults. */
export const ZCompletionRules = z.object({
  requiredActivities: z.union([z.literal("all"), z.array(z.string())]).default("all"),
  quizPassRequired: z.boolean().default(true),
  minimumMinutes: z.number().int().min(0).max(10_000).default(0),
  /**
   * In-person and hybrid courses: minutes of one session's half-days the agent must have attended.
   * Absent: the whole session (every half-day of it).
   */
  minimumAttendedMinutes: z.number().int().min(0).max(10_000).optional(),
  /** A passed quiz may be attempted again to improve the score (within its attempt limit). */
  canImproveScore: z.boolean().default(false),
});
export type TCompletionRules = z.infer<typeof ZCompletionRules>;

export function parseCompletionRules(value: unknown): TCompletionRules {
  const parsed = ZCompletionRules.safeParse(value ?? {});
  return parsed.success ? parsed.data : ZCompletionRules.parse({});
}

type TActivityFact = { key: string; kind: "LESSON" | "VIDEO" | "QUIZ" | "FILE" | "PACKAGE"; isRequired: boolean };

/** The activities the completion rules require: "all" means every activity marked required; a list names keys. */
export function requiredActivitiesOf<T extends TActivityFact>(rules: TCompletionRules, activities: T[]): T[] {
  return rules.requiredActivities === "all"
    ? activities.filter((activity) => activity.isRequired)
    : activities.filter((activity) => (rules.requiredActivities as string[]).includes(activity.key));
}

/** Whether one activity counts as done: a quiz once passed (or attempted when no pass is required), else completed. */
export function isActivityDone(
  rules: TCompletionRules,
  activity: TActivityFact,
  facts: { completedKeys: Set<string>; attemptedQuizKeys: Set<string>; passedQuizKeys: Set<string> },
): boolean {
  if (activity.kind !== "QUIZ") return facts.completedKeys.has(activity.key);
  return (rules.quizPassRequired ? facts.passedQuizKeys : facts.attemptedQuizKeys).has(activity.key);
}

/**
 * Attendance of one session by the agent: what they attended and what the session lasts
 * (every half-day). The best session counts; half-days of different sessions are not added up.
 */
export type TSessionAttendance = { attendedSeconds: number; sessionSeconds: number };

/**
 * The one definition of progress and completion, by modality, from facts projected
 * out of the statements and the attendance rows — never from a page view:
 * - ONLINE: every required activity done (a quiz once passed when quizPassRequired), and the
 *   minimum time spent (summed from `terminated` durations); a course without any activity has
 *   nothing to complete online;
 * - IN_PERSON: at least minimumAttendedMinutes attended in one session (by default the whole
 *   session); the online facts do not count;
 * - HYBRID: both (the online part is empty when the version has no activity).
 * Progress is the share of the required work done: required activities each weigh one, the
 * attendance part weighs as much as the online part; it stays below 100 until complete. It
 * only grows as facts accumulate (activities completed, quizzes passed, half-days attended).
 */
export function evaluateCompletion(options: {
  rules: TCompletionRules;
  modality?: Modality;
  activities: TActivityFact[];
  completedKeys: Set<string>;
  attemptedQuizKeys: Set<string>;
  passedQuizKeys: Set<string>;
  timeSpentSeconds: number;
  /** One row per session of the course the agent attended at least partly. */
  sessions?: TSessionAttendance[];
}): { progressPercent: number; isComplete: boolean } {
  const { rules } = options;
  const modality = options.modality ?? "ONLINE";
  const hasOnlinePart = modality !== "IN_PERSON";
  const hasAttendancePart = modality !== "ONLINE";

  const required = requiredActivitiesOf(rules, options.activities);
  const done = required.filter((activity) => isActivityDone(rules, activity, options)).length;
  const minimumSeconds = rules.minimumMinutes * 60;
  const isTimeMet = options.timeSpentSeconds >= minimumSeconds;
  // No online activity at all: nothing to follow online. Activities but none required: the
  // minimum time is the online basis (and a rule requiring neither has none).
  const isOnlineEmpty = options.activities.length === 0;
  const hasOnlineBasis = required.length > 0 || minimumSeconds > 0;
  const isOnlineComplete = isOnlineEmpty
    ? modality === "HYBRID" && isTimeMet
    : hasOnlineBasis && done === required.length && isTimeMet;
  const onlineShare = isOnlineEmpty
    ? isOnlineComplete
      ? 1
      : 0
    : required.length > 0
      ? done / required.length
      : minimumSeconds > 0
        ? Math.min(1, options.timeSpentSeconds / minimumSeconds)
        : 0;

  const best = (options.sessions ?? []).reduce((current, session) => {
    const needed = (rules.minimumAttendedMinutes ?? session.sessionSeconds / 60) * 60;
    const share = needed <= 0 ? (session.attendedSeconds > 0 ? 1 : 0) : Math.min(1, session.attendedSeconds / needed);
    return share > current ? share : current;
  }, 0);
  const isAttendanceComplete = best >= 1;

  const isComplete =
    (!hasOnlinePart || isOnlineComplete) &&
    (!hasAttendancePart || isAttendanceComplete) &&
    // A course with neither part has no basis for completion.
    (hasAttendancePart || !isOnlineEmpty);
  const parts: number[] = [];
  if (hasOnlinePart && !(modality === "HYBRID" && isOnlineEmpty)) parts.push(onlineShare);
  if (hasAttendancePart) parts.push(best);
  const share = parts.length ? parts.reduce((sum, value) => sum + value, 0) / parts.length : 0;
  const progressPercent = isComplete ? 100 : Math.min(99, Math.floor(share * 100));
  return { progressPercent, isComplete };
}
