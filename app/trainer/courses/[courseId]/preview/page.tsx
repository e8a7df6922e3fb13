import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { getCoursePreview } from "@/lib/authoring/get-course-preview";
import { ActivityLesson, CourseOutline } from "@/components/player/course-outline";
import { QuizForm } from "@/components/player/quiz-form";
import { QuizResult } from "@/components/player/quiz-result";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.trainerCoursesCourseIdPreview");

type TProps = {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/** The answers the preview's quiz form sent (answer:<questionId>), when it was submitted. */
function answersOf(query: Record<string, string | string[] | undefined>) {
  if (single(query.submitted) !== "1") return null;
  return Object.fromEntries(
    Object.entries(query).flatMap(([name, value]) =>
      name.startsWith("answer:") && value !== undefined ? [[name.slice("answer:".length), value]] : [],
    ),
  );
}

/** The draft in the learners' player (same outline, lesson rendering and quiz components); nothing recorded. */
export default async function PreviewCoursePage({ params, searchParams }: TProps) {
  const actor = await requirePagePermission("course.author");
  const [{ courseId }, query, { locale, t }] = await Promise.all([params, searchParams, getTranslator()]);
  const view = await getCoursePreview(actor, {
    courseId,
    requestedKey: single(query.activity),
    answers: answersOf(query),
    locale,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const current = view.current;
  return (
    <>
      <h1>{t("learning.authoring.previewTitle", { title: view.courseTitle })}</h1>
      <div className="fr-notice fr-notice--info preview-notice">
        <div className="fr-container">
          <div className="fr-notice__body">
            <p className="fr-notice__title">{t("learning.authoring.previewPage.banner")}</p>
          </div>
        </div>
      </div>
      <p>
        <Link href={`/trainer/courses/${courseId}`}>{t("learning.authoring.backToEditor")}</Link>
      </p>
      {!current && <p>{t("learning.authoring.previewPage.noActivity")}</p>}
      {current && (
        <div className="player">
          <CourseOutline t={t} outline={view.outline} />
          <section aria-labelledby="activity-title">
            <h2 id="activity-title">{current.title}</h2>
            <ActivityLesson t={t} activity={current} />
            {current.video &&
              (current.video.playback ? (
                // A plain video element: the player's VideoPlayer sends xAPI statements, a preview sends none.
                <video
                  controls
                  preload="metadata"
                  src={current.video.playback.src}
                  poster={current.video.playback.poster ?? undefined}
                  title={current.title}
                  className="player-video"
                />
              ) : (
                <p>{t("learning.player.videoUnavailable")}</p>
              ))}
            {current.video?.transcript && (
              <details>
                <summary>{t("learning.player.transcript")}</summary>
                <p>{current.video.transcript}</p>
              </details>
            )}
            {current.kind === "PACKAGE" && <p>{t("learning.authoring.previewPage.packageLater")}</p>}
            {current.file && (
              <p>
                <a className="button button-secondary" href={current.file.href} download>
                  {t("learning.player.file")} ({current.file.name})
                </a>
              </p>
            )}
            {current.quiz && (
              <>
                <p>{t("learning.quiz.passMark", { passMark: Math.round(current.quiz.passMark * 100) })}</p>
                {current.quiz.result && (
                  <>
                    <QuizResult
                      t={t}
                      locale={locale}
                      result={{ ...current.quiz.result, number: 1 }}
                      questions={current.quiz.questions}
                      passMark={current.quiz.passMark}
                    />
                    <p>
                      <Link href={current.href}>{t("learning.authoring.previewPage.tryAgain")}</Link>
                    </p>
                  </>
                )}
                {!current.quiz.result && (
                  <QuizForm
                    t={t}
                    locale={locale}
                    enrolmentId=""
                    activityKey={current.key}
                    idempotencyKey=""
                    questions={current.quiz.questions}
                    isDisabled={false}
                    previewHref={`/trainer/courses/${courseId}/preview`}
                  />
                )}
              </>
            )}
            <nav className="player-nav" aria-label={t("learning.authoring.previewPage.navigation")}>
              {view.previousHref ? <Link href={view.previousHref}>← {t("learning.player.previous")}</Link> : <span />}
              {view.nextHref && <Link href={view.nextHref}>{t("learning.player.next")} →</Link>}
            </nav>
          </section>
        </div>
      )}
    </>
  );
}
