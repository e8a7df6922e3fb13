import { pageTitle } from "@/lib/i18n/page-title";
import { forbidden, notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { listAuthoringOptions } from "@/lib/authoring/list-authoring-options";
import { getTranslator } from "@/lib/i18n/server";
import { getCourseDraft } from "@/lib/authoring/get-course-draft";
import { toEditableDraft } from "@/lib/authoring/to-editable-draft";
import { CourseEditor } from "@/components/authoring/course-editor";
import { editorToolLabels } from "@/components/authoring/editor-tool-labels";
import { MigrateLearnersForm } from "@/components/authoring/migrate-learners-form";
import { getVersionMigrationSummary } from "@/lib/authoring/get-version-migration-summary";
import { migrateLearnersAction } from "./migrate-learners.action";
import { getLibraryAuthoringView } from "@/lib/library/get-library-authoring-view";
import { LibraryAuthoringPanel } from "@/components/library/library-authoring-panel";
import { publishToLibraryAction, takeUpstreamVersionAction, withdrawFromLibraryAction } from "./library.action";
import { CourseApprovalForm } from "@/components/sessions/approval-settings-forms";
import { getCourseApprovalSettings } from "@/lib/sessions/get-approval-settings";
import { updateCourseApprovalAction } from "@/app/sessions/approval-settings.action";
import "@/components/catalogue/learning.css";
import { PageBreadcrumb } from "@/components/layout/page-breadcrumb";

export const generateMetadata = pageTitle("pageTitles.trainerCoursesCourseId");

type TProps = { params: Promise<{ courseId: string }> };

export default async function EditCoursePage({ params }: TProps) {
  const actor = await requirePagePermission("course.author");
  const { courseId } = await params;
  const [{ locale, t }, loaded, { themes }, migration] = await Promise.all([
    getTranslator(),
    getCourseDraft(actor, courseId).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
      throw error;
    }),
    listAuthoringOptions(actor),
    getVersionMigrationSummary(actor, courseId).catch(() => null),
  ]);
  const [library, approval] = await Promise.all([
    getLibraryAuthoringView(actor, courseId),
    getCourseApprovalSettings(actor, courseId),
  ]);
  const a = (key: string) => t(`learning.authoring.${key}` as Parameters<typeof t>[0]);
  const video = {
    ...Object.fromEntries(
      ["file", "fileHint", "uploading", "none", "poster", "posterHint", "posterAlt", "error"].map((key) => [
        key,
        a(`video.${key}`),
      ]),
    ),
    status: Object.fromEntries(
      ["WAITING_UPLOAD", "PROCESSING", "READY", "ERRORED"].map((key) => [key, a(`video.status.${key}`)]),
    ),
  } as Parameters<typeof CourseEditor>[0]["labels"]["video"];
  const labels = {
    ...Object.fromEntries(
      [
        "courseFields",
        "titleFr",
        "titleEn",
        "summaryFr",
        "summaryEn",
        "objectivesFr",
        "objectivesEn",
        "duration",
        "theme",
        "trainingType",
        "modality",
        "language",
        "visibility",
        "visibilityInstitution",
        "visibilityNational",
        "requiresApproval",
        "completion",
        "quizPassRequired",
        "minimumMinutes",
        "requiresOnlineBeforeSession",
        "minimumAttendedMinutes",
        "minimumAttendedHint",
        "modules",
        "module",
        "moduleTitle",
        "addModule",
        "removeModule",
        "moveUp",
        "moveDown",
        "remove",
        "addLesson",
        "addQuiz",
        "addVideo",
        "addFile",
        "addPackage",
        "activityTitle",
        "dragHint",
        "saving",
        "saved",
        "conflict",
        "reload",
        "error",
        "publish",
        "published",
        "preview",
      ].map((key) => [key, a(key)]),
    ),
    transcript: a("video.transcript"),
    video,
    file: Object.fromEntries(
      ["file", "fileHint", "uploading", "none", "current", "error"].map((key) => [key, a(`document.${key}`)]),
    ) as Parameters<typeof CourseEditor>[0]["labels"]["file"],
    package: Object.fromEntries(
      ["file", "fileHint", "uploading", "none", "current", "error"].map((key) => [key, a(`package.${key}`)]),
    ) as Parameters<typeof CourseEditor>[0]["labels"]["package"],
    kind: {
      LESSON: a("kind.LESSON"),
      QUIZ: a("kind.QUIZ"),
      VIDEO: a("kind.VIDEO"),
      FILE: a("kind.FILE"),
      PACKAGE: a("kind.PACKAGE"),
    },
    trainingTypes: Object.fromEntries(
      (
        [
          "STATUTORY",
          "T1_ADAPT_POST",
          "T2_JOB_CHANGE",
          "T3_QUALIFICATION",
          "EXAM_PREPARATION",
          "SKILLS_ASSESSMENT",
        ] as const
      ).map((code) => [code, t(`enums.trainingType.${code}`)]),
    ),
    modalities: {
      ONLINE: t("enums.modality.ONLINE"),
      IN_PERSON: t("enums.modality.IN_PERSON"),
      HYBRID: t("enums.modality.HYBRID"),
    },
    languages: { fr: t("learning.filters.languageFr"), en: t("learning.filters.languageEn") },
    editor: {
      ...Object.fromEntries(
        [
          "toolbar",
          "bold",
          "italic",
          "h2",
          "h3",
          "bullets",
          "numbers",
          "link",
          "image",
          "table",
          "content",
          "imageFile",
          "imageHint",
          "alt",
          "altHint",
          "altRequired",
          "insertImage",
          "cancel",
          "uploadError",
          "video",
          "videoTitle",
          "insertVideo",
        ].map((key) => [key, a(`editor.${key}`)]),
      ),
      ...editorToolLabels(t),
      videoField: video,
    },
    quiz: {
      ...Object.fromEntries(
        [
          "passMark",
          "attemptLimit",
          "addQuestion",
          "question",
          "type",
          "prompt",
          "promptEn",
          "option",
          "optionEn",
          "isCorrect",
          "addOption",
          "correctTrue",
          "acceptedAnswers",
          "feedback",
          "feedbackEn",
          "removeQuestion",
          "settings",
          "options",
          "removeOption",
          "moveOptionUp",
          "moveOptionDown",
          "moveQuestionUp",
          "moveQuestionDown",
        ].map((key) => [key, a(`quiz.${key}`)]),
      ),
      errors: Object.fromEntries(
        ["noQuestion", "promptRequired", "optionRequired", "noCorrectAnswer", "acceptedRequired"].map((key) => [
          key,
          a(`quiz.errors.${key}`),
        ]),
      ),
      types: {
        single: a("quiz.types.single"),
        multiple: a("quiz.types.multiple"),
        true_false: a("quiz.types.true_false"),
        short: a("quiz.types.short"),
      },
    },
  } as Parameters<typeof CourseEditor>[0]["labels"];
  return (
    <>
      <PageBreadcrumb segments={[{ label: t("nav.trainer"), href: "/trainer" }]} current={loaded.draft.title} />
      <h1>{t("learning.authoring.edit", { title: loaded.draft.title })}</h1>
      {migration && migration.learnersOnOlderVersions > 0 && (
        <MigrateLearnersForm
          courseId={courseId}
          versionId={migration.publishedVersionId}
          action={migrateLearnersAction}
          labels={{
            title: a("migrate.title"),
            summary: t("learning.authoring.migrate.summary", {
              count: migration.learnersOnOlderVersions,
              number: migration.publishedNumber,
            }),
            submit: t("learning.authoring.migrate.submit", { number: migration.publishedNumber }),
            done: t("learning.authoring.migrate.done", { number: migration.publishedNumber }),
          }}
        />
      )}
      <LibraryAuthoringPanel
        courseId={courseId}
        view={library}
        t={t}
        locale={locale}
        publishAction={publishToLibraryAction}
        takeAction={takeUpstreamVersionAction}
        withdrawAction={withdrawFromLibraryAction}
      />
      <section className="course-export" aria-labelledby="course-export-title">
        <h2 id="course-export-title">{t("packages.export.title")}</h2>
        <p>{t("packages.export.intro")}</p>
        <p>
          <a className="button" href={`/api/courses/${encodeURIComponent(courseId)}/export?format=cmi5`} download>
            {t("packages.export.cmi5")}
          </a>{" "}
          <a className="button" href={`/api/courses/${encodeURIComponent(courseId)}/export?format=scorm12`} download>
            {t("packages.export.scorm12")}
          </a>
        </p>
      </section>
      <CourseEditor
        courseId={courseId}
        versionId={loaded.draft.id}
        revision={loaded.draft.revision}
        initial={toEditableDraft(loaded)}
        themes={themes.map((theme) => ({ code: theme.code, name: locale === "en" ? theme.nameEn : theme.nameFr }))}
        labels={labels}
      />
      {approval && (
        <CourseApprovalForm
          t={t}
          courseId={courseId}
          approvalChain={approval.approvalChain}
          institutionChain={approval.institutionChain}
          requiresApproval={approval.requiresApproval}
          action={updateCourseApprovalAction}
        />
      )}
    </>
  );
}
