import { ActivityLesson, CourseOutline } from "@/components/player/course-outline";
import { pageTitle } from "@/lib/i18n/page-title";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { headers } from "next/headers";
import { env, publicUrl } from "@/lib/env";
import { packageContentOrigin, requestOrigin } from "@/lib/security/package-content-origin";
import { forbidden, notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { getPackagePlayerView } from "@/lib/packages/get-package-player-view";
import { PackageActivity } from "@/components/player/package-activity";
import { PackageOutline } from "@/components/player/package-outline";
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

/** This page's origin, and the package content origin that goes with it when there is one. */
async function packageOrigins(): Promise<{ content: string; player: string } | null> {
  const player = requestOrigin(await headers(), publicUrl());
  const content = packageContentOrigin({ configured: env().RELAIS_PACKAGE_CONTENT_ORIGIN, appOrigin: player });
  return content ? { content, player } : null;
}

export default async function PlayerPage({ params, searchParams }: TProps) {
  const actor = await requirePageActor();
  const [{ enrolmentId }, query, { locale, t }] = await Promise.all([params, searchParams, getTranslator()]);
  const view = await getPackagePlayerView(actor, {
    enrolmentId,
    origins: await packageOrigins(),
    requestedKey: single(query.activity),
    attemptId: single(query.attempt),
    scoId: single(query.sco),
    locale,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const current = view.current;
  const quizState = view.quiz;
  const quizError = single(query.quizError);
  const completion = view.isCompleted && (
    <section className="completion-banner" aria-labelledby="completed-title">
      <h2 id="completed-title">{t("learning.player.completedTitle")}</h2>
      <p>{t("learning.player.completedText")}</p>
      {view.certificateHref ? (
        <p>
          <a className="button" href={view.certificateHref} download>
            {t("learning.player.downloadCertificate")}
          </a>
        </p>
      ) : (
        view.isCertificatePending && <p>{t("learning.player.certificatePending")}</p>
      )}
      <p>
        <Link href="/my-record">{t("learning.player.myRecord")}</Link> ·{" "}
        <Link href="/learn">{t("learning.player.back")}</Link>
      </p>
    </section>
  );
  if (!view.hasOnlinePart)
    // No online activity: nothing to start, no statement sent; the course page lists its sessions.
    return (
      <>
        <h1>{view.courseTitle}</h1>
        {completion}
        <p>{t("learning.player.noOnlinePart")}</p>
        <p>
          <Link className="button" href={`${view.courseHref}#course-sessions`}>
            {t("learning.player.toSessions")}
          </Link>
        </p>
      </>
    );

  return (
    <>
      <h1>{view.courseTitle}</h1>
      <p id="player-progress">{t("learning.player.progress", { percent: view.progressPercent })}</p>
      <progress
        max={100}
        value={view.progressPercent}
        aria-labelledby="player-progress"
        aria-describedby="player-progress-help"
      />
      <p id="player-progress-help" className="muted">
        {t("learning.player.progressHelp")}
      </p>
      {completion}
      <PlayerTracker
        context={view.context}
        course={view.courseObject}
        activity={view.activityObject}
        progress={{ percent: view.progressPercent, isCompleted: view.isCompleted }}
        // The count is known in the browser only: the label keeps its {waiting} placeholder, filled there.
        labels={{
          pending: t("learning.player.waitingStatements", { waiting: "{waiting}" }),
          synced: t("learning.player.synced"),
        }}
      />
      <div className="player">
        <CourseOutline t={t} outline={view.outline} />
        {current && view.activityObject && (
          <section aria-labelledby="activity-title">
            <h2 id="activity-title">{current.title}</h2>
            <ActivityLesson t={t} activity={current} />
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
            {view.packageLaunch?.outline && (
              <PackageOutline
                outline={view.packageLaunch.outline}
                hrefBase={view.packageLaunch.hrefBase}
                labels={{
                  title: t("learning.player.packageOutline"),
                  show: t("learning.player.packageOutlineShow"),
                  hide: t("learning.player.packageOutlineHide"),
                  previous: t("learning.player.packagePrevious"),
                  next: t("learning.player.packageNext"),
                  statuses: {
                    notAttempted: t("learning.player.scoStatus.notAttempted"),
                    incomplete: t("learning.player.scoStatus.incomplete"),
                    completed: t("learning.player.scoStatus.completed"),
                    passed: t("learning.player.scoStatus.passed"),
                    failed: t("learning.player.scoStatus.failed"),
                  },
                }}
              />
            )}
            {view.packageLaunch && (
              <PackageActivity
                // A new SCO is a new frame and a new run-time, never the previous one's state.
                key={view.packageLaunch.scoId ?? current.key}
                src={view.packageLaunch.src}
                isIsolated={view.packageLaunch.isIsolated}
                title={current.title}
                enrolmentId={view.enrolmentId}
                activityKey={current.key}
                scoId={view.packageLaunch.scoId}
                hrefBase={view.packageLaunch.hrefBase}
                savingFailedLabel={t("learning.player.packageSaveFailed")}
                endedLabel={t("learning.player.packageEnded")}
              />
            )}
            {current.file && (
              <p>
                <a className="button button-secondary" href={current.file.href} download>
                  {t("learning.player.file")} ({current.file.name})
                </a>
              </p>
            )}
            {current.quiz && quizState && (
              <>
                <p>{t("learning.quiz.passMark", { passMark: Math.round(current.quiz.passMark * 100) })}</p>
                {quizState.attemptLimit !== null && (
                  <p>{t("learning.quiz.attempts", { used: quizState.attemptsUsed, limit: quizState.attemptLimit })}</p>
                )}
                {quizState.isPassed && (
                  <p className="success-text">
                    {t("learning.player.quizPassed", { percent: quizState.bestPercent ?? 0 })}
                  </p>
                )}
                {quizError && (
                  <p role="alert" className="error-text">
                    {quizError === "PASSED"
                      ? t("learning.player.passedAlready")
                      : quizError === "CONFLICT"
                        ? t("learning.quiz.noAttemptsLeft")
                        : t(
                            `errors.codes.${quizError === "FORBIDDEN" || quizError === "NOT_FOUND" || quizError === "UNAUTHENTICATED" ? quizError : "INTERNAL"}`,
                          )}
                  </p>
                )}
                {quizState.result && (
                  <QuizResult
                    t={t}
                    locale={locale}
                    result={quizState.result}
                    questions={current.quiz.questions}
                    passMark={current.quiz.passMark}
                  />
                )}
                {quizState.canAttempt ? (
                  <QuizForm
                    t={t}
                    locale={locale}
                    enrolmentId={view.enrolmentId}
                    activityKey={current.key}
                    idempotencyKey={randomUUID()}
                    questions={current.quiz.questions}
                    isDisabled={false}
                  />
                ) : (
                  <p>{quizState.isPassed ? t("learning.player.noNewAttempt") : t("learning.quiz.noAttemptsLeft")}</p>
                )}
              </>
            )}
            {view.canMarkDone && (
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
