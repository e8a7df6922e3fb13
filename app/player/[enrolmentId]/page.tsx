import { pageTitle } from "@/lib/i18n/page-title";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { getLearnerEnrolmentOrThrow } from "@/lib/learning/get-learner-enrolment";
import { buildPlayerView } from "@/lib/learning/build-player-view";
import { countQuizAttempts, getQuizAttemptResult } from "@/lib/learning/get-quiz-attempt-result";
import { PlayerTracker } from "@/components/player/player-tracker";
import { MarkDoneButton } from "@/components/player/mark-done-button";
import { VideoPlayer } from "@/components/player/video-player";
import { QuizForm } from "@/components/player/quiz-form";
import { QuizResult } from "@/components/player/quiz-result";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.playerEnrolmentId");

type TProps = {
  params: Promise<{ enrolmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export default async function PlayerPage({ params, searchParams }: TProps) {
  const actor = await requirePageActor();
  const [{ enrolmentId }, query, { locale, t }] = await Promise.all([params, searchParams, getTranslator()]);
  const enrolment = await getLearnerEnrolmentOrThrow(actor, enrolmentId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const view = buildPlayerView({ enrolment, requestedKey: single(query.activity), locale, actorName: actor.name });
  const current = view.current;
  const attemptId = single(query.attempt);
  const quizError = single(query.quizError);
  const [attemptResult, attemptsUsed] = current?.quiz
    ? await Promise.all([
        attemptId
          ? getQuizAttemptResult({
              enrolmentId: enrolment.id,
              attemptId,
              quizContent: enrolment.courseVersion.modules
                .flatMap((module) => module.activities)
                .find((activity) => activity.key === current.key)?.content,
            })
          : null,
        countQuizAttempts(enrolment.id, current.key),
      ])
    : [null, 0];
  const attemptLimit = current?.quiz?.attemptLimit ?? null;
  const hasAttemptsLeft = attemptLimit === null || attemptsUsed < attemptLimit;

  return (
    <>
      <h1>{view.courseTitle}</h1>
      <p id="player-progress">{t("learning.player.progress", { percent: enrolment.progressPercent })}</p>
      <progress max={100} value={enrolment.progressPercent} aria-labelledby="player-progress" />
      {enrolment.status === "COMPLETED" && (
        <section className="completion-banner" aria-labelledby="completed-title">
          <h2 id="completed-title">{t("learning.player.completedTitle")}</h2>
          <p>{t("learning.player.completedText")}</p>
          <p>
            <Link href="/learn">{t("learning.player.back")}</Link>
          </p>
        </section>
      )}
      <PlayerTracker
        context={view.context}
        course={view.courseObject}
        activity={view.activityObject}
        progress={{ percent: enrolment.progressPercent, isCompleted: enrolment.status === "COMPLETED" }}
        labels={{ pending: t("learning.player.pendingStatements"), synced: t("learning.player.synced") }}
      />
      <div className="player">
        <nav className="player-outline" aria-label={t("learning.player.outline")}>
          <h2>{t("learning.player.outline")}</h2>
          {view.outline.map((module) => (
            <section key={module.id} aria-labelledby={`module-${module.id}`}>
              <h3 id={`module-${module.id}`}>
                {t("learning.player.module", { number: module.number, title: module.title })}
              </h3>
              <ol>
                {module.activities.map((activity) => (
                  <li key={activity.key}>
                    <Link href={activity.href} aria-current={activity.isCurrent ? "page" : undefined}>
                      {activity.title}
                    </Link>
                    {activity.isDone && <span className="muted"> — {t("learning.player.done")}</span>}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </nav>
        {current && view.activityObject && (
          <section aria-labelledby="activity-title">
            <h2 id="activity-title">{current.title}</h2>
            {current.lessonHtml !== null && (
              // Safe: produced by the allowlist renderer (lib/learning/render-lesson-html.ts), never raw input.
              <div className="lesson prose" dangerouslySetInnerHTML={{ __html: current.lessonHtml }} />
            )}
            {current.video && (
              <>
                {current.video.playback ? (
                  <VideoPlayer
                    context={view.context}
                    activity={view.activityObject}
                    playback={current.video.playback}
                    captions={
                      current.video.captions
                        ? { src: current.video.captions, label: t("learning.player.captions") }
                        : null
                    }
                    resumeAt={current.video.resumeAt}
                    title={current.title}
                  />
                ) : (
                  <p>{t("learning.player.videoUnavailable")}</p>
                )}
                {current.video.transcript && (
                  <details>
                    <summary>{t("learning.player.transcript")}</summary>
                    <p>{current.video.transcript}</p>
                  </details>
                )}
              </>
            )}
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
                {attemptLimit !== null && (
                  <p>{t("learning.quiz.attempts", { used: attemptsUsed, limit: attemptLimit })}</p>
                )}
                {quizError && (
                  <p role="alert" className="error-text">
                    {quizError === "CONFLICT"
                      ? t("learning.quiz.noAttemptsLeft")
                      : t(
                          `errors.codes.${quizError === "FORBIDDEN" || quizError === "NOT_FOUND" || quizError === "UNAUTHENTICATED" ? quizError : "INTERNAL"}`,
                        )}
                  </p>
                )}
                {attemptResult && (
                  <QuizResult
                    t={t}
                    locale={locale}
                    result={attemptResult}
                    questions={current.quiz.questions}
                    passMark={current.quiz.passMark}
                  />
                )}
                {hasAttemptsLeft ? (
                  <QuizForm
                    t={t}
                    locale={locale}
                    enrolmentId={enrolment.id}
                    activityKey={current.key}
                    idempotencyKey={randomUUID()}
                    questions={current.quiz.questions}
                    isDisabled={false}
                  />
                ) : (
                  <p>{t("learning.quiz.noAttemptsLeft")}</p>
                )}
              </>
            )}
            {current.kind !== "QUIZ" && (
              <p className="actions-row">
                <MarkDoneButton
                  context={view.context}
                  activity={view.activityObject}
                  nextHref={view.nextHref}
                  label={t("learning.player.markDone")}
                  doneLabel={t("learning.player.done")}
                  isDone={current.isDone}
                />
              </p>
            )}
            <nav className="player-nav" aria-label={t("learning.player.outline")}>
              {view.previousHref ? <Link href={view.previousHref}>← {t("learning.player.previous")}</Link> : <span />}
              {view.nextHref && <Link href={view.nextHref}>{t("learning.player.next")} →</Link>}
            </nav>
          </section>
        )}
      </div>
    </>
  );
}
