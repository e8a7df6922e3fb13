import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listTrainerCourses } from "@/lib/authoring/list-trainer-courses";
import { getTranslator } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";

export const metadata: Metadata = { title: "Mes cours" };

export default async function TrainerPage() {
  const actor = await requirePagePermission("course.author");
  const [{ locale, t }, courses] = await Promise.all([getTranslator(), listTrainerCourses(actor)]);
  return (
    <>
      <h1>{t("trainer.title")}</h1>
      {courses.length === 0 ? (
        <p>{t("trainer.empty")}</p>
      ) : (
        <ul className="card-list">
          {courses.map((course) => {
            const version = course.versions[0];
            return (
              <li key={course.id} className="card">
                <h2 className="card-title">{version ? localized(locale, version.title, version.titleEn) : course.slug}</h2>
                <p className="badge">{t(`enums.modality.${course.modality}`)}</p>
                {version && <p>{version.status === "DRAFT" ? t("trainer.draft") : t("trainer.version", { number: version.number })}</p>}
                <p>{t("trainer.learners", { count: course._count.enrolments })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
