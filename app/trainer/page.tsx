import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listTrainerCourses } from "@/lib/authoring/list-trainer-courses";
import { getTranslator } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import Link from "next/link";
import { listAuthoringOptions } from "@/lib/authoring/list-authoring-options";
import { CreateCourseForm } from "@/components/authoring/create-course-form";
import { listWaitingItems } from "@/lib/home/list-waiting-items";
import { WaitingForYou } from "@/components/home/waiting-for-you";

export const generateMetadata = pageTitle("pageTitles.trainer");

export default async function TrainerPage() {
  const actor = await requirePagePermission("course.author");
  const [{ locale, t }, courses, { themes, institutions }] = await Promise.all([
    getTranslator(),
    listTrainerCourses(actor),
    listAuthoringOptions(actor),
  ]);
  return (
    <>
      <h1>{t("trainer.title")}</h1>
      <WaitingForYou t={t} items={await listWaitingItems(actor)} />
      {institutions.length > 0 && (
        <section aria-labelledby="create-course">
          <h2 id="create-course">{t("learning.authoring.create")}</h2>
          <CreateCourseForm
            institutions={institutions}
            themes={themes.map((theme) => ({ code: theme.code, name: locale === "en" ? theme.nameEn : theme.nameFr }))}
            labels={{
              title: t("learning.authoring.createTitle"),
              theme: t("learning.authoring.createTheme"),
              institution: t("learning.authoring.createInstitution"),
              submit: t("learning.authoring.createSubmit"),
            }}
          />
        </section>
      )}
      {courses.length === 0 ? (
        <p>{t("trainer.empty")}</p>
      ) : (
        <ul className="card-list">
          {courses.map((course) => {
            const version = course.latest;
            return (
              <li key={course.id} className="card">
                <h2 className="card-title">
                  <Link
                    href={`/trainer/courses/${course.id}`}
                    aria-label={t("learning.authoring.edit", {
                      title: version ? localized(locale, version.title, version.titleEn) : course.slug,
                    })}
                  >
                    {version ? localized(locale, version.title, version.titleEn) : course.slug}
                  </Link>
                </h2>
                <p className="badge">{t(`enums.modality.${course.modality}`)}</p>
                <p>
                  {course.publishedNumber === null
                    ? t("trainer.notPublished")
                    : t("trainer.published", { number: course.publishedNumber })}
                  {course.hasDraft && course.publishedNumber !== null && ` — ${t("trainer.draftInProgress")}`}
                </p>
                <p>{t("trainer.learners", { count: course._count.enrolments })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
