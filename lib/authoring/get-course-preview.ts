import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { localized } from "../i18n/localized";
import { renderLessonHtml } from "../learning/render-lesson-html";
import { scoreQuiz, toPublicQuiz, ZQuizAnswers, ZQuizContent, type TQuizResult } from "../learning/quiz";
import { describeVideoPlayback } from "../video/describe-video-playback";
import { getAuthorableCourseOrThrow } from "./get-authorable-course";

export type TGetCoursePreviewInput = {
  courseId: string;
  /** The activity asked for (?activity=key); the first one otherwise. */
  requestedKey: string | null;
  /** Answers sent by the preview's quiz form, already read from the query (answer:<questionId>). */
  answers: Record<string, string | string[]> | null;
  locale: TLocale;
};

/**
 * The course's draft (else its latest version) as the learner's player shows it, one activity at a
 * time, for someone who may author the course. Read only: it creates no draft, and a quiz answered
 * here is scored in memory and recorded nowhere (no attempt, no statement, no progress).
 */
export async function getCoursePreview(actor: TActor, input: TGetCoursePreviewInput) {
  const { locale } = input;
  const version = await db.$transaction(async (tx) => {
    await getAuthorableCourseOrThrow(tx, actor, input.courseId);
    return tx.courseVersion.findFirstOrThrow({
      where: { courseId: input.courseId },
      // The draft when there is one (it has the highest number), else the latest published version.
      orderBy: { number: "desc" },
      select: {
        title: true,
        titleEn: true,
        modules: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            title: true,
            titleEn: true,
            activities: {
              orderBy: { position: "asc" },
              select: {
                key: true,
                kind: true,
                title: true,
                titleEn: true,
                content: true,
                file: { select: { id: true, fileName: true } },
                videoAsset: { select: { id: true, provider: true, status: true, playbackId: true, posterPath: true } },
              },
            },
          },
        },
      },
    });
  });
  const flat = version.modules.flatMap((module) => module.activities);
  const current = flat.find((activity) => activity.key === input.requestedKey) ?? flat[0] ?? null;
  const index = current ? flat.indexOf(current) : -1;
  const href = (key: string) => `/trainer/courses/${input.courseId}/preview?activity=${encodeURIComponent(key)}`;
  const content = (current?.content ?? {}) as Record<string, unknown>;
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
  const answers = input.answers ? ZQuizAnswers.safeParse(input.answers) : null;
  const result: TQuizResult | null = quiz?.success && answers?.success ? scoreQuiz(quiz.data, answers.data) : null;
  return {
    courseTitle: localized(locale, version.title, version.titleEn),
    outline: version.modules.map((module, position) => ({
      id: module.id,
      number: position + 1,
      title: localized(locale, module.title, module.titleEn),
      activities: module.activities.map((activity) => ({
        key: activity.key,
        title: localized(locale, activity.title, activity.titleEn),
        href: href(activity.key),
        isCurrent: activity.key === current?.key,
      })),
    })),
    current: current && {
      key: current.key,
      kind: current.kind,
      href: href(current.key),
      title: localized(locale, current.title, current.titleEn),
      isUnreadable,
      lessonHtml,
      quiz: quiz?.success ? { ...toPublicQuiz(quiz.data), result } : null,
      video:
        current.kind === "VIDEO"
          ? {
              playback: describeVideoPlayback(current.videoAsset),
              transcript: typeof content.transcript === "string" ? content.transcript : null,
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
export type TCoursePreview = Awaited<ReturnType<typeof getCoursePreview>>;
