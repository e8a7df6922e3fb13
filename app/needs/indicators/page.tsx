import { pageTitle } from "@/lib/i18n/page-title";
import { z } from "zod";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getNeedsAccess } from "@/lib/indicators/get-needs-access";
import { getCostIndicators } from "@/lib/indicators/get-cost-indicators";
import { EURO_FORMAT } from "@/lib/money/z-euros";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { TMessageKey } from "@/lib/i18n/translate";
import "@/components/needs/needs.css";

export const generateMetadata = pageTitle("pageTitles.needsIndicators");

const BREAKDOWNS = ["staffCategory", "population", "sex"] as const;
const ZSearch = z.object({
  year: z.coerce.number().int().min(2000).max(2100).catch(new Date().getUTCFullYear()),
  breakdown: z.enum(BREAKDOWNS).catch("staffCategory"),
});

export default async function NeedsIndicatorsPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("needs.indicators");
  const search = ZSearch.parse(await props.searchParams);
  const [{ locale, t }, view, costs] = await Promise.all([
    getTranslator(),
    getNeedsAccess(actor, search),
    getCostIndicators(actor, { year: search.year }),
  ]);
  const showCost = (unit: string, value: number | null) =>
    value === null
      ? t("needs.indicators.notComputed")
      : unit === "ratio"
        ? formatPercent(locale, value)
        : `${formatNumber(locale, value, EURO_FORMAT)} €`;
  const show = (unit: string, value: number | null) =>
    value === null
      ? t("needs.indicators.notComputed")
      : unit === "ratio"
        ? formatPercent(locale, value)
        : formatNumber(locale, value);
  const groupLabel = (value: string) => t(`needs.indicators.values.${value}` as TMessageKey);
  return (
    <>
      <h1>{t("needs.indicators.title")}</h1>
      <p className="prose">{t("needs.indicators.intro")}</p>
      <p>{t("needs.indicators.scope", { names: view.institutions.map((row) => row.name).join(", ") })}</p>
      <form method="get" className="form">
        <label htmlFor="needs-year">{t("needs.indicators.year")}</label>
        <input id="needs-year" name="year" type="number" min={2000} max={2100} defaultValue={view.year} />
        <label htmlFor="needs-breakdown">{t("needs.indicators.breakdown")}</label>
        <select id="needs-breakdown" name="breakdown" defaultValue={view.breakdown}>
          {BREAKDOWNS.map((breakdown) => (
            <option key={breakdown} value={breakdown}>
              {t(`needs.indicators.breakdowns.${breakdown}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t("needs.indicators.apply")}
        </button>
      </form>
      <dl className="tiles">
        {view.indicators.map((indicator) => (
          <div key={indicator.key} className="tile">
            <dt>{t(`needs.indicators.names.${indicator.key}`)}</dt>
            <dd data-indicator={indicator.key}>{show(indicator.unit, view.total[indicator.key])}</dd>
          </div>
        ))}
      </dl>
      <div className="needs-table-scroll" tabIndex={0} role="region" aria-label={t("needs.indicators.title")}>
        <table className="table">
          <caption>
            {t("needs.indicators.caption", {
              year: view.year,
              breakdown: t(`needs.indicators.breakdowns.${view.breakdown}`),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("needs.indicators.group")}</th>
              {view.indicators.map((indicator) => (
                <th key={indicator.key} scope="col">
                  {t(`needs.indicators.names.${indicator.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.groups.map((group) => (
              <tr key={group.value}>
                <th scope="row">{groupLabel(group.value)}</th>
                {view.indicators.map((indicator) => (
                  <td key={indicator.key}>{show(indicator.unit, group.values[indicator.key])}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("needs.indicators.total")}</th>
              {view.indicators.map((indicator) => (
                <td key={indicator.key}>{show(indicator.unit, view.total[indicator.key])}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <h2 id="costs-title">{t("costs.indicators.title")}</h2>
      <div className="needs-table-scroll" tabIndex={0} role="region" aria-label={t("costs.indicators.title")}>
        <table className="table">
          <caption>{t("costs.indicators.caption", { year: costs.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("costs.indicators.institution")}</th>
              {costs.indicators.map((indicator) => (
                <th key={indicator.key} scope="col">
                  {t(`costs.indicators.names.${indicator.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {costs.institutions.map((row) => (
              <tr key={row.institutionId}>
                <th scope="row">{row.name}</th>
                {costs.indicators.map((indicator) => (
                  <td key={indicator.key}>{showCost(indicator.unit, row.values[indicator.key])}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("costs.indicators.total")}</th>
              {costs.indicators.map((indicator) => (
                <td key={indicator.key} data-cost-indicator={indicator.key}>
                  {showCost(indicator.unit, costs.total[indicator.key])}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <h2>{t("needs.indicators.definitions")}</h2>
      <dl>
        {view.indicators.map((indicator) => (
          <div key={indicator.key}>
            <dt>{t(`needs.indicators.names.${indicator.key}`)}</dt>
            <dd className="definition">{indicator.definition[locale]}</dd>
          </div>
        ))}
        {costs.indicators.map((indicator) => (
          <div key={indicator.key}>
            <dt>{t(`costs.indicators.names.${indicator.key}`)}</dt>
            <dd className="definition">{indicator.definition[locale]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
