import "server-only";
import type { TLocale } from "../i18n/config";
import { localized } from "../i18n/localized";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import type { getLearnerEnrolmentOrThrow } from "./get-learner-enrolment";
import { toPublicQuiz, ZQuizContent } from "./quiz";
import { renderLessonHtml } from "./render-lesson-html";
import type { TPlayerContext } from "./xapi-statement";
import { ACTIVITY_TYPE } from "./xapi-vocabulary";
import { isActivityDone, parseCompletionRules } from "./completion-rules";
import { hasCaptions } from "../video/open-video-captions";
import { describeVideoPlayback } from "../video/describe-video-playback";

type TEnrolment = Awaited<ReturnType<typeof getLearnerEnrolmentOrThrow>>;

const TYPE_OF_KIND = {
  LESSON: ACTIVITY_TYPE.lesson,
  VIDEO: ACTIVITY_TYPE.video,
  QUIZ: ACTIVITY_TYPE.assessment,
  FILE: ACTIVITY_TYPE.file,
  PACKAGE: ACTIVITY_TYPE.module,
} as const;

/**
 * Everything the player page shows, computed on the server: the outline, the current activity
 * (the requested one, else where the learner stopped, else the first), its neighbours, and its
 * content made safe for the browser (lesson → sanitized HTML; quiz → questions without answers).
 */
export function buildPlayerView(options: {
  enrolment: TEnrolment;
  requestedKey: string | null;
  locale: TLocale;
  actorName: string;
}) {
  const { enrolment, locale } = options;
  const slug = enrolment.course.slug;
  const rules = parseCompletionRules(enrolment.courseVersion.completionRules);
  const facts = {
    completedKeys: new Set(enrolment.activityProgress.map((row) => row.activityKey)),
    attemptedQuizKeys: new Set(enrolment.quizAttempts.map((row) => row.activityKey)),
    passedQuizKeys: new Set(enrolment.quizAttempts.filter((row) => row.isPassed).map((row) => row.activityKey)),
  };
  // Done as the completion rules count it: a quiz once passed (or attempted, when no pass is required).
  const isDone = (activity: {
    key: string;
    kind: "LESSON" | "VIDEO" | "QUIZ" | "FILE" | "PACKAGE";
    isRequired: boolean;
  }) => isActivityDone(rules, activity, facts);
  const flat = enrolment.courseVersion.modules.flatMap((module) => module.activities);
  const current =
    flat.find((activity) => activity.key === options.requestedKey) ??
    flat.find((activity) => activity.key === enrolment.lastActivityKey) ??
    flat[0] ??
    null;
  const index = current ? flat.indexOf(current) : -1;
  const href = (key: string) => `/player/${enrolment.id}?activity=${encodeURIComponent(key)}`;
  const courseTitle = localized(locale, enrolment.courseVersion.title, enrolment.courseVersion.titleEn);

  const context: TPlayerContext = {
    actor: xapiAgentForUser({ id: enrolment.userId, name: options.actorName }),
    registration: enrolment.registration,
    course: { id: xapiActivityId.course(slug), name: courseTitle },
    language: locale,
  };
  const activityObject = current
    ? {
        id: xapiActivityId.activity(slug, current.key),
        type: TYPE_OF_KIND[current.kind],
        name: localized(locale, current.title, current.titleEn),
      }
    : null;
  const content = (current?.content ?? {}) as Record<string, unknown>;
  // A stored definition the player cannot read (hand-edited, an older schema) is shown as such, never a 500.
  const quiz = current?.kind === "QUIZ" ? ZQuizContent.safeParse(content) : null;
  let lessonHtml: string | null = null;
  let isUnreadable = quiz !== null && !quiz.success;
  if (current?.kind === "LESSON") {
    try {
      lessonHtml = renderLessonHtml(content);
    } catch {
      isUnreadable = true;
    }
  }

  return {
    courseTitle,
    /** A course without any online activity has no player: its page leads to its sessions. */
    hasOnlinePart: flat.length > 0,
    canImproveScore: rules.canImproveScore,
    context,
    courseObject: { id: context.course.id, type: ACTIVITY_TYPE.course, name: courseTitle },
    activityObject,
    outline: enrolment.courseVersion.modules.map((module, position) => ({
      id: module.id,
      number: position + 1,
      title: localized(locale, module.title, module.titleEn),
      activities: module.activities.map((activity) => ({
        key: activity.key,
        kind: activity.kind,
        title: localized(locale, activity.title, activity.titleEn),
        href: href(activity.key),
        isCurrent: activity.key === current?.key,
        isDone: isDone(activity),
      })),
    })),
    current: current && {
      key: current.key,
      kind: current.kind,
      title: localized(locale, current.title, current.titleEn),
      isDone: isDone(current),
      isUnreadable,
      lessonHtml,
      quiz: quiz?.success ? toPublicQuiz(quiz.data) : null,
      video:
        current.kind === "VIDEO"
          ? {
              playback: describeVideoPlayback(current.videoAsset),
              captions:
                current.videoAsset && hasCaptions(current.videoAsset.storagePath)
                  ? `/api/video/${current.videoAsset.id}/captions`
                  : null,
              transcript: typeof content.transcript === "string" ? content.transcript : null,
              resumeAt: enrolment.lastActivityKey === current.key ? enrolment.lastVideoSeconds : null,
            }
          : null,
      file:
        current.kind === "FILE" && current.file
          ? { href: `/api/uploads/files/${current.file.id}`, name: current.file.fileName }
          : null,
    },
    previousHref: index > 0 ? href(flat[index - 1]!.key) : null,
    nextHref: index >= 0 && index < flat.length - 1 ? href(flat[index + 1]!.key) : null,
  };
}
export type TPlayerView = ReturnType<typeof buildPlayerView>;
