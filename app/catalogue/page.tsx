import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { getTranslator } from "@/lib/i18n/server";
import { formatHours } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";

export const metadata: Metadata = { title: "Catalogue" };

export default async function CataloguePage() {
  const actor = await requirePagePermission("catalog.browse");
  const [{ locale, t }, courses] = await Promise.all([getTranslator(), listCatalog(actor)]);
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      <p>{t("catalogue.count", { count: courses.length })}</p>
      {courses.length === 0 ? (
        <p>{t("catalogue.empty")}</p>
      ) : (
        <ul className="card-list">
          {courses.map((course) => (
            <li key={course.id} className="card">
              <h2 className="card-title">{localized(locale, course.version.title, course.version.titleEn)}</h2>
              <p>{localized(locale, course.version.summary, course.version.summaryEn)}</p>
              <ul className="badges" aria-label={course.institution.name}>
                <li className="badge">{t(`enums.modality.${course.modality}`)}</li>
                <li className="badge">{t(`enums.trainingType.${course.trainingType}`)}</li>
                <li className="badge">{locale === "en" ? course.theme.nameEn : course.theme.nameFr}</li>
                <li className="badge">{t("catalogue.duration", { hours: formatHours(locale, course.version.declaredDurationMinutes) })}</li>
              </ul>
              <p className="muted">{course.institution.name}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
