import { translateAppError } from "@/lib/errors/localized-error";
import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getInstitutionOverview } from "@/lib/institutions/get-institution-overview";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";
import { isAppError } from "@/lib/errors/app-error";
import { InstitutionSettingsForm } from "@/components/institutions/institution-settings-form";
import { InstitutionApprovalForm } from "@/components/sessions/approval-settings-forms";
import { getInstitutionApprovalSettings } from "@/lib/sessions/get-approval-settings";
import { updateInstitutionApprovalAction } from "@/app/sessions/approval-settings.action";
import type { TMessageKey } from "@/lib/i18n/translate";
import { ALL_INDICATORS } from "@/lib/indicators/all-indicators";
import { getIndicatorDashboard } from "@/lib/indicators/get-indicator-dashboard";
import { parseDashboardParams, toQueryString } from "@/lib/indicators/parse-dashboard-params";
import { IndicatorDashboard } from "@/components/indicators/indicator-dashboard";
import { IndicatorFilters } from "@/components/indicators/indicator-filters";
import { listWaitingItems } from "@/lib/home/list-waiting-items";
import { WaitingForYou } from "@/components/home/waiting-for-you";

export const generateMetadata = pageTitle("pageTitles.institutionsId");

export default async function InstitutionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requirePagePermission("institution.read", { institutionId: id });
  const { locale, t } = await getTranslator();
  const overview = await getInstitutionOverview(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { institution, figures } = overview;
  const approval = await getInstitutionApprovalSettings(actor, id);
  // The institution's dashboard: always this institution, whatever the query string says.
  const parsed = parseDashboardParams(await searchParams);
  const filters = {
    ...parsed.filters,
    institutionId: id,
    regionId: undefined,
    breakdown: parsed.filters.breakdown === "institution" ? ("none" as const) : parsed.filters.breakdown,
  };
  const dashboard = can(actor, "indicators.read", { institutionId: id })
    ? await getIndicatorDashboard(actor, filters)
    : null;
  // The officer's own institution is their home: it opens on what waits for them.
  const isOwnInstitution = can(actor, "staff.import", { institutionId: id });
  return (
    <>
      <h1>{t("institution.title", { name: institution.name })}</h1>
      {isOwnInstitution && <WaitingForYou t={t} items={await listWaitingItems(actor)} />}
      <p>
        {t("institution.code", { code: institution.code })} ·{" "}
        {t("institution.region", { region: locale === "en" ? institution.region.nameEn : institution.region.nameFr })}
      </p>
      <dl className="tiles">
        <div className="tile">
          <dt>{t("officer.agents")}</dt>
          <dd>{formatNumber(locale, figures.agents)}</dd>
        </div>
      </dl>
      {dashboard && (
        <section aria-labelledby="indicators-heading">
          <h2 id="indicators-heading">{t("indicators.institutionHeading")}</h2>
          <p>
            {can(actor, "headcount.import", { institutionId: id }) && (
              <Link href="/officer/imports">{t("indicators.imports.title")}</Link>
            )}
          </p>
          {parsed.error && (
            <p className="error-text" role="alert">
              {translateAppError(parsed.error, t)}
            </p>
          )}
          <IndicatorFilters
            t={t}
            action={`/institutions/${id}`}
            filters={filters}
            indicator={parsed.indicator}
            indicatorOptions={ALL_INDICATORS.map((item) => ({
              id: item.key,
              name: t(`indicators.names.${item.key}` as TMessageKey),
            }))}
          />
          <IndicatorDashboard
            dashboard={dashboard}
            locale={locale}
            t={t}
            indicator={parsed.indicator}
            reportHref={`/officer/report?${toQueryString(filters)}`}
            groupHref={(group) => `/officer/report?${toQueryString(filters, { group })}`}
            isNested
          />
        </section>
      )}
      {can(actor, "institution.update", { institutionId: id }) && (
        <InstitutionSettingsForm
          institutionId={institution.id}
          timeZone={institution.timeZone}
          labels={{ timeZone: t("officer.timeZone"), save: t("officer.save"), saved: t("officer.saved") }}
        />
      )}
      {approval && (
        <InstitutionApprovalForm
          t={t}
          institutionId={institution.id}
          approvalChain={approval.approvalChain}
          approvalReminderDays={approval.approvalReminderDays}
          action={updateInstitutionApprovalAction}
        />
      )}
    </>
  );
}
