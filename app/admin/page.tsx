import { translateAppError } from "@/lib/errors/localized-error";
import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translate";
import { ALL_INDICATORS } from "@/lib/indicators/all-indicators";
import { getIndicatorDashboard } from "@/lib/indicators/get-indicator-dashboard";
import { listFilterOptions } from "@/lib/indicators/list-filter-options";
import { parseDashboardParams, toQueryString } from "@/lib/indicators/parse-dashboard-params";
import { IndicatorDashboard } from "@/components/indicators/indicator-dashboard";
import { IndicatorFilters } from "@/components/indicators/indicator-filters";
import { PublishOpenDataForm } from "@/components/indicators/publish-open-data-form";
import { formatDate } from "@/lib/i18n/format";
import { listPublishedOpenData, openDataYears } from "@/lib/opendata/get-open-data";
import { previewOpenData } from "@/lib/opendata/publish-open-data";
import { OPEN_DATA_BREAKDOWNS } from "@/lib/opendata/build-raw-cells";
import { OpenDataTable } from "@/components/indicators/open-data-table";
import { publishOpenDataAction } from "./publish-open-data.action";
import { loadPoolingFigures } from "@/lib/indicators/load-pooling-figures";
import { periodOf } from "@/lib/indicators/scope";
import { PoolingFigures } from "@/components/indicators/pooling-figures";
import { listWaitingItems } from "@/lib/home/list-waiting-items";
import { WaitingForYou } from "@/components/home/waiting-for-you";

export const generateMetadata = pageTitle("pageTitles.admin");

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("indicators.national");
  const { locale, t } = await getTranslator();
  const params = await searchParams;
  const { filters, indicator, error } = parseDashboardParams(params);
  // Publishing is two steps: preview the year (?previewYear=), then confirm its publication.
  const previewYear = openDataYears().find((year) => String(year) === params.previewYear);
  const [dashboard, options, published, pooling, preview] = await Promise.all([
    getIndicatorDashboard(actor, filters),
    listFilterOptions(actor, locale),
    listPublishedOpenData(),
    loadPoolingFigures(actor, periodOf(filters)),
    previewYear === undefined ? null : previewOpenData(actor, { year: previewYear }),
  ]);
  return (
    <>
      <h1>{t("indicators.nationalTitle")}</h1>
      <WaitingForYou t={t} items={await listWaitingItems(actor)} />
      <p className="lead">{t("indicators.nationalIntro")}</p>
      <p>
        <Link href="/open-data">{t("indicators.openDataLink")}</Link>
      </p>
      {error && (
        <p className="error-text" role="alert">
          {translateAppError(error, t)}
        </p>
      )}
      <IndicatorFilters
        t={t}
        action="/admin"
        filters={filters}
        indicator={indicator}
        indicatorOptions={ALL_INDICATORS.map((item) => ({
          id: item.key,
          name: t(`indicators.names.${item.key}` as TMessageKey),
        }))}
        regions={options.regions}
        institutions={options.institutions}
      />
      <IndicatorDashboard
        dashboard={dashboard}
        locale={locale}
        t={t}
        indicator={indicator}
        reportHref={`/admin/report?${toQueryString(filters)}`}
        groupHref={(group) => `/admin/report?${toQueryString(filters, { group })}`}
      />
      <PoolingFigures figures={pooling} locale={locale} t={t} />
      <section aria-labelledby="publish-heading" className="panel">
        <h2 id="publish-heading">{t("indicators.openData.publishTitle")}</h2>
        <p>{t("indicators.openData.publishIntro")}</p>
        {published.length > 0 && (
          <ul>
            {published.map((row) => (
              <li key={row.year}>
                {t("indicators.openData.published", {
                  year: row.year,
                  date: formatDate(locale, row.publishedAt, { withTime: true }),
                })}
              </li>
            ))}
          </ul>
        )}
        <form method="get" action="/admin#publish-heading" className="form">
          <label htmlFor="preview-year">{t("indicators.openData.year")}</label>
          <select id="preview-year" name="previewYear" defaultValue={String(previewYear ?? openDataYears()[0])}>
            {openDataYears().map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary">
            {t("indicators.openData.preview")}
          </button>
        </form>
        {preview && previewYear !== undefined && (
          <section aria-labelledby="preview-heading">
            <h3 id="preview-heading">{t("indicators.openData.previewTitle", { year: String(previewYear) })}</h3>
            <p>{t("indicators.openData.previewIntro")}</p>
            {OPEN_DATA_BREAKDOWNS.map((breakdown) => (
              <OpenDataTable key={breakdown} data={preview.breakdowns[breakdown]} locale={locale} t={t} />
            ))}
            <PublishOpenDataForm
              year={previewYear}
              action={publishOpenDataAction}
              labels={{
                publish: t("indicators.openData.publishYear", { year: String(previewYear) }),
                publishing: t("indicators.openData.publishing"),
                done: t("indicators.openData.publishDone"),
                see: t("indicators.openData.see"),
              }}
              confirmation={{
                title: t("indicators.openData.confirmTitle", { year: String(previewYear) }),
                message: t("indicators.openData.confirmMessage", { year: String(previewYear) }),
                confirmLabel: t("indicators.openData.confirmPublish"),
                cancelLabel: t("forms.cancel"),
              }}
            />
          </section>
        )}
      </section>
    </>
  );
}
