import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { searchCatalogue } from "@/lib/learning/search-catalogue";
import { parseCatalogueFilters } from "@/lib/learning/catalogue-filters";
import { getTranslator } from "@/lib/i18n/server";
import { formatHours } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { CatalogueFiltersForm } from "@/components/catalogue/catalogue-filters-form";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.catalogue");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CataloguePage({ searchParams }: TProps) {
  const actor = await requirePagePermission("catalog.browse");
  const parsed = parseCatalogueFilters(await searchParams);
  // A tampered URL is not an error page: the filters are dropped and the reader is told.
  const filters = parsed.success ? parsed.data : {};
  const [{ locale, t }, { courses, themes, regions }] = await Promise.all([
    getTranslator(),
    searchCatalogue(actor, filters),
  ]);
  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      <CatalogueFiltersForm t={t} locale={locale} filters={filters} themes={themes} regions={regions} />
      {!parsed.success && (
        <p className="error-text" role="alert">
          {t("learning.filters.invalid")}
        </p>
      )}
      <p role="status">{t("catalogue.count", { count: courses.length })}</p>
      {courses.length === 0 ? (
        <p>{t("catalogue.empty")}</p>
      ) : (
        <ul className="card-list">
          {courses.map((course) => {
            const title = localized(locale, course.version.title, course.version.titleEn);
            return (
              <li key={course.id} className="card">
                <h2 className="card-title">
                  <Link href={`/courses/${course.slug}`}>{title}</Link>
                </h2>
                <p>{localized(locale, course.version.summary, course.version.summaryEn)}</p>
                <ul className="badges" aria-label={course.institution.name}>
                  <li className="badge">{t(`enums.modality.${course.modality}`)}</li>
                  <li className="badge">{t(`enums.trainingType.${course.trainingType}`)}</li>
                  <li className="badge">{locale === "en" ? course.theme.nameEn : course.theme.nameFr}</li>
                  <li className="badge">
                    {t("catalogue.duration", { hours: formatHours(locale, course.version.declaredDurationMinutes) })}
                  </li>
                </ul>
                <p className="muted">
                  {course.institution.name} —{" "}
                  {locale === "en" ? course.institution.region.nameEn : course.institution.region.nameFr}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
