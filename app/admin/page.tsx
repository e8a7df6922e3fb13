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
  const { filters, indicator, error } = parseDashboardParams(await searchParams);
  const [dashboard, options, published, pooling] = await Promise.all([
    getIndicatorDashboard(actor, filters),
    listFilterOptions(actor, locale),
    listPublishedOpenData(),
    loadPoolingFigures(actor, periodOf(filters)),
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
          {error}
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
        <PublishOpenDataForm
          years={openDataYears()}
          action={publishOpenDataAction}
          labels={{
            year: t("indicators.openData.year"),
            publish: t("indicators.openData.publish"),
            publishing: t("indicators.openData.publishing"),
            done: t("indicators.openData.publishDone"),
            see: t("indicators.openData.see"),
          }}
        />
      </section>
    </>
  );
}
