import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { getCourseDraft } from "@/lib/authoring/get-course-draft";
import { renderLessonHtml } from "@/lib/learning/render-lesson-html";
import { toPublicQuiz, ZQuizContent } from "@/lib/learning/quiz";
import { describeVideoPlayback } from "@/lib/video/describe-video-playback";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.trainerCoursesCourseIdPreview");

type TProps = { params: Promise<{ courseId: string }> };

/** The draft as a learner will see it: same sanitized rendering, quizzes without answers. */
/** The name the editor recorded with a FILE activity's upload, if any. */
function documentName(content: unknown): string | null {
  const name = content && typeof content === "object" && "fileName" in content ? content.fileName : null;
  return typeof name === "string" ? name : null;
}

export default async function PreviewCoursePage({ params }: TProps) {
  const actor = await requirePagePermission("course.author");
  const { courseId } = await params;
  const [{ locale, t }, { draft }] = await Promise.all([
    getTranslator(),
    getCourseDraft(actor, courseId).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
      throw error;
    }),
  ]);
  const title = localized(locale, draft.title, draft.titleEn);
  return (
    <article className="prose">
      <h1>{t("learning.authoring.previewTitle", { title })}</h1>
      <p className="lead">{t("learning.authoring.previewNote")}</p>
      <p>
        <Link href={`/trainer/courses/${courseId}`}>{t("learning.authoring.backToEditor")}</Link>
      </p>
      {draft.modules.map((module, index) => (
        <section key={index} aria-labelledby={`preview-module-${index}`}>
          <h2 id={`preview-module-${index}`}>
            {t("learning.player.module", { number: index + 1, title: localized(locale, module.title, module.titleEn) })}
          </h2>
          {module.activities.map((activity) => {
            const quiz = activity.kind === "QUIZ" ? ZQuizContent.safeParse(activity.content) : null;
            const video = activity.kind === "VIDEO" ? describeVideoPlayback(activity.videoAsset) : null;
            return (
              <section key={activity.key} className="card">
                <h3>{localized(locale, activity.title, activity.titleEn)}</h3>
                {/* Safe: the allowlist renderer, as in the player. */}
                {activity.kind === "LESSON" && (
                  <div className="lesson" dangerouslySetInnerHTML={{ __html: renderLessonHtml(activity.content) }} />
                )}
                {activity.kind === "VIDEO" &&
                  (video ? (
                    <video
                      controls
                      preload="metadata"
                      src={video.src}
                      poster={video.poster ?? undefined}
                      title={localized(locale, activity.title, activity.titleEn)}
                      className="player-video"
                    />
                  ) : (
                    <p>{t("learning.player.videoUnavailable")}</p>
                  ))}
                {activity.kind === "FILE" && activity.fileId && (
                  <p>
                    <a className="button button-secondary" href={`/api/uploads/files/${activity.fileId}`} download>
                      {t("learning.player.file")} (
                      {documentName(activity.content) ?? localized(locale, activity.title, activity.titleEn)})
                    </a>
                  </p>
                )}
                {quiz?.success && (
                  <ol>
                    {toPublicQuiz(quiz.data).questions.map((question) => (
                      <li key={question.id}>
                        {localized(locale, question.prompt.fr, question.prompt.en)}
                        {"options" in question && (
                          <ul>
                            {question.options.map((option) => (
                              <li key={option.id}>{localized(locale, option.label.fr, option.label.en)}</li>
                            ))}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            );
          })}
        </section>
      ))}
    </article>
  );
}
