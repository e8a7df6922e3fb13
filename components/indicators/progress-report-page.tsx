import { translateAppError } from "@/lib/errors/localized-error";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { canSometimes, type TActor } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { formatDay } from "@/lib/i18n/format";
import { describeGroupFilter } from "@/lib/indicators/group-label";
import { loadGroupLabels } from "@/lib/indicators/load-group-labels";
import { parseDashboardParams, toQueryString } from "@/lib/indicators/parse-dashboard-params";
import { listProgressRows } from "@/lib/reports/list-progress-rows";
import { ProgressReportView } from "./progress-report-view";

/** The drill-down page shared by officers and national admins: the same rows, within each one's rights. */
export async function ProgressReportPage(props: {
  actor: TActor;
  searchParams: Record<string, string | string[] | undefined>;
  fixedInstitutionId?: string;
}) {
  const { locale, t } = await getTranslator();
  const parsed = parseDashboardParams(props.searchParams);
  const filters = props.fixedInstitutionId
    ? { ...parsed.filters, institutionId: parsed.filters.institutionId ?? props.fixedInstitutionId }
    : parsed.filters;
  // The drill-down is read with the dashboards' right; exporting the same rows needs report.export.
  const rows = await listProgressRows(props.actor, { filters, action: "indicators.read" }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const groupFilter = describeGroupFilter({ filters, labels: await loadGroupLabels(), locale, t });
  return (
    <>
      <h1>{t("indicators.report.title")}</h1>
      <p className="lead">{t("indicators.report.intro")}</p>
      <p>
        {t("indicators.report.period", { from: formatDay(locale, filters.from), to: formatDay(locale, filters.to) })}
      </p>
      {groupFilter && (
        <p>
          <strong>{groupFilter}</strong> ·{" "}
          <Link href={`?${toQueryString({ ...filters, group: undefined })}`}>{t("indicators.report.allGroups")}</Link>
        </p>
      )}
      {parsed.error && (
        <p className="error-text" role="alert">
          {translateAppError(parsed.error, t)}
        </p>
      )}
      <ProgressReportView
        rows={rows}
        locale={locale}
        t={t}
        exportQuery={canSometimes(props.actor, "report.export") ? toQueryString(filters) : undefined}
      />
    </>
  );
}
