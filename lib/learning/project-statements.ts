import "server-only";
import type { TTransaction } from "../db";
import type { TStoredStatement } from "../lrs/types";
import { AppError } from "../errors/app-error";
import { userIdFromXapiAgent, xapiActivityId } from "../lrs/xapi-identifiers";
import { EXTENSION, parseIsoDurationSeconds, VERB } from "./xapi-vocabulary";
import { recomputeEnrolmentProgress } from "./recompute-enrolment-progress";

/** One terminated statement counts for at most this long (a tab left open overnight is not training time). */
const MAX_SESSION_SECONDS = 4 * 3600;
const PROGRESS_STATUSES = new Set(["ACTIVE", "COMPLETED"]);

type TCourseRef = { slug: string; activityKey: string | null; questionId: string | null };

/** The Relais course (and activity) a statement is about, from its object IRI; null when it is about something else. */
export function courseRefOf(statement: TStoredStatement): TCourseRef | null {
  const objectId = typeof statement.object.id === "string" ? statement.object.id : null;
  if (!objectId) return null;
  const prefix = xapiActivityId.course("");
  if (!objectId.startsWith(prefix)) return null;
  // .../courses/{slug}[/activities/{key}[/questions|scos/{id}]]: questions are the "answered" statements' objects.
  const [slug, activities, key, questions, questionId, ...rest] = objectId.slice(prefix.length).split("/");
  if (!slug || rest.length > 0) return null;
  if (activities === undefined) return { slug: decodeURIComponent(slug), activityKey: null, questionId: null };
  if (activities !== "activities" || !key) return null;
  if (questions === undefined)
    return { slug: decodeURIComponent(slug), activityKey: decodeURIComponent(key), questionId: null };
  // .../activities/{key}/scos/{id}: a SCO of a package of several (lib/packages/build-scorm-statements.ts),
  // a part of the activity as a question is: it never completes the activity by itself.
  if ((questions !== "questions" && questions !== "scos") || !questionId) return null;
  return {
    slug: decodeURIComponent(slug),
    activityKey: decodeURIComponent(key),
    questionId: decodeURIComponent(questionId),
  };
}

function extension(statement: TStoredStatement, iri: string): unknown {
  const extensions = (statement.result?.extensions ?? undefined) as Record<string, unknown> | undefined;
  return extensions?.[iri];
}

function finiteNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The LRS calls this inside the transaction that stores a batch, so progress in Relais can never
 * disagree with the LRS. Statements about a Relais course must carry the registration of an
 * active enrolment of their actor in that course: otherwise the whole batch is refused (403),
 * which is how "a learner who is not enrolled cannot send statements for it" is enforced.
 *
 * Quiz success is NOT taken from statements (a learner may write any statement about themselves):
 * it comes from the server-scored QuizAttempt rows; the answered/passed statements are the record.
 */
export async function projectStatements(tx: TTransaction, statements: TStoredStatement[]): Promise<void> {
  const touched = new Set<string>();
  const ordered = [...statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  for (const statement of ordered) {
    const ref = courseRefOf(statement);
    if (!ref) continue;
    const registration =
      typeof statement.context?.registration === "string" ? statement.context.registration.toLowerCase() : null;
    const enrolment = registration
      ? await tx.enrolment.findUnique({
          where: { registration },
          select: {
            id: true,
            userId: true,
            status: true,
            startedAt: true,
            course: { select: { slug: true } },
            courseVersion: { select: { modules: { select: { activities: { select: { key: true, kind: true } } } } } },
          },
        })
      : null;
    const userId = userIdFromXapiAgent(statement.actor);
    if (
      !enrolment ||
      enrolment.userId !== userId ||
      enrolment.course.slug !== ref.slug ||
      !PROGRESS_STATUSES.has(enrolment.status)
    ) {
      throw new AppError(
        "FORBIDDEN",
        `statement ${statement.id}: its actor has no active enrolment in this course with this context.registration`,
      );
    }
    const activity = ref.activityKey
      ? enrolment.courseVersion.modules
          .flatMap((module) => module.activities)
          .find((candidate) => candidate.key === ref.activityKey)
      : null;
    if (ref.activityKey && !activity)
      throw new AppError(
        "INVALID",
        `statement ${statement.id}: object.id names an activity that is not in this course version`,
      );

    const data: {
      lastActivityKey?: string;
      lastVideoSeconds?: number;
      startedAt?: Date;
      timeSpentSeconds?: { increment: number };
    } = {};
    if (!enrolment.startedAt) data.startedAt = new Date(statement.timestamp);
    if (activity) data.lastActivityKey = activity.key;
    if (activity?.kind === "VIDEO") {
      const seconds = finiteNumber(
        statement.verb.id === VERB.seeked
          ? extension(statement, EXTENSION.videoTimeTo)
          : extension(statement, EXTENSION.videoTime),
      );
      if (seconds !== null) data.lastVideoSeconds = seconds;
    }
    if (statement.verb.id === VERB.terminated) {
      const seconds = parseIsoDurationSeconds(statement.result?.duration);
      if (seconds !== null) data.timeSpentSeconds = { increment: Math.round(Math.min(seconds, MAX_SESSION_SECONDS)) };
    }
    if (Object.keys(data).length > 0) await tx.enrolment.update({ where: { id: enrolment.id }, data });

    const isCompletion =
      statement.verb.id === VERB.completed && activity && activity.kind !== "QUIZ" && !ref.questionId;
    if (isCompletion) {
      await tx.activityProgress.upsert({
        where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey: activity.key } },
        create: {
          enrolmentId: enrolment.id,
          activityKey: activity.key,
          isCompleted: true,
          completedAt: new Date(statement.timestamp),
        },
        update: { isCompleted: true },
      });
    }
    touched.add(enrolment.id);
  }
  for (const enrolmentId of touched) await recomputeEnrolmentProgress(tx, enrolmentId);
}
