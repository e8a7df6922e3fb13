import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listLibrary } from "@/lib/library/list-library";
import { getTranslator } from "@/lib/i18n/server";
import { formatHours } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { LibraryActionForm } from "@/components/library/library-action-form";
import { adaptLibraryCourseAction, adoptLibraryCourseAction } from "./library.action";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.library");

export default async function LibraryPage() {
  const actor = await requirePagePermission("library.browse");
  const [{ locale, t }, courses] = await Promise.all([getTranslator(), listLibrary(actor)]);
  return (
    <>
      <h1>{t("library.title")}</h1>
      <p className="lead">{t("library.intro")}</p>
      {courses.length === 0 ? (
        <p>{t("library.empty")}</p>
      ) : (
        <ul className="card-list">
          {courses.map((course) => {
            const title = localized(locale, course.title, course.titleEn);
            const licence = t(`enums.licence.${course.licence}`);
            return (
              <li key={course.id} className="card" aria-labelledby={`library-${course.id}`}>
                <h2 className="card-title" id={`library-${course.id}`}>
                  {title}
                </h2>
                <p>{t("library.credits", { institution: course.institution, authors: course.authors })}</p>
                <p>
                  <span className="badge">{t(`enums.modality.${course.modality}`)}</span>{" "}
                  {t("library.version", { number: course.versionNumber })} · {t("library.licence")} :{" "}
                  {course.licenceUrl ? (
                    <a
                      href={course.licenceUrl}
                      rel="license noreferrer"
                      aria-label={t("library.licenceLink", { licence })}
                    >
                      {licence}
                    </a>
                  ) : (
                    licence
                  )}
                </p>
                <h3>{t("library.reusedBy")}</h3>
                {course.reusers.length === 0 ? (
                  <p>{t("library.reusedByNone")}</p>
                ) : (
                  <ul>
                    {course.reusers.map((reuser) => (
                      <li key={reuser.name}>
                        {reuser.name} (
                        {reuser.adopted && reuser.adapted
                          ? t("library.adoptedAndAdapted")
                          : reuser.adopted
                            ? t("library.adopted")
                            : t("library.adapted")}
                        )
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  {t("library.delivered", {
                    learners: course.learners,
                    hours: formatHours(locale, course.hours * 60),
                  })}
                </p>
                {course.isOwn && <p className="badge">{t("library.own")}</p>}
                {course.isAdopted && <p className="success-text">{t("library.isAdopted")}</p>}
                {course.canAdopt && (
                  <LibraryActionForm
                    action={adoptLibraryCourseAction}
                    hidden={{ courseId: course.id }}
                    submit={t("library.adopt")}
                    submitLabel={t("library.adoptLabel", { title })}
                    done={t("library.adoptedDone")}
                  />
                )}
                {course.canAdapt && (
                  <LibraryActionForm
                    action={adaptLibraryCourseAction}
                    hidden={{ courseId: course.id }}
                    submit={t("library.adapt")}
                    submitLabel={t("library.adaptLabel", { title })}
                    done={t("library.lineage", {
                      title,
                      institution: course.institution,
                      number: course.versionNumber,
                    })}
                    openLabel={t("library.openAdaptation")}
                    isSecondary
                  />
                )}
                {course.adaptationId && (
                  <p>
                    <Link href={`/trainer/courses/${course.adaptationId}`}>{t("library.openAdaptation")}</Link>
                  </p>
                )}
                {course.isAdaptationReserved && <p>{t("library.reserved")}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
