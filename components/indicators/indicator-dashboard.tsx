import Link from "next/link";
import type { TLocale } from "@/lib/i18n/config";
import { formatDate, formatMonth, formatNumber } from "@/lib/i18n/format";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translate";
import { ALL_INDICATORS, getIndicator } from "@/lib/indicators/all-indicators";
import type { TIndicatorDashboard } from "@/lib/indicators/get-indicator-dashboard";
import { BarChart } from "./bar-chart";
import { LineChart } from "./line-chart";
import { formatFigure } from "./format-figure";
import { groupLabel } from "@/lib/indicators/group-label";
import styles from "./indicators.module.css";

/** The figures, their definitions, a chart of one indicator by the chosen breakdown and the full table. */
export function IndicatorDashboard(props: {
  dashboard: TIndicatorDashboard;
  locale: TLocale;
  t: TTranslate;
  indicator: string;
  reportHref?: string;
  /** The drill-down of one group of the breakdown: each bar and row leads to the rows behind it. */
  groupHref?: (groupKey: string) => string;
  isNested?: boolean;
}) {
  const Heading = props.isNested ? "h3" : "h2";
  const { dashboard, locale, t } = props;
  const name = (key: string) => t(`indicators.names.${key}` as TMessageKey);
  const notComputed = t("indicators.notComputed");
  const chosen = getIndicator(props.indicator) ?? ALL_INDICATORS[0]!;
  const breakdown = dashboard.filters.breakdown;
  const breakdownName = t(`indicators.breakdowns.${breakdown}`);
  const label = (key: string) => groupLabel({ breakdown, key, labels: dashboard.labels, locale, t });
  return (
    <>
      <p className="muted">
        {t(dashboard.source === "rollup" ? "indicators.freshnessRollup" : "indicators.freshness", {
          date: formatDate(locale, dashboard.computedAt, { withTime: true }),
          year: dashboard.headcountYear,
          hours: dashboard.hoursPerDay,
        })}
      </p>
      {dashboard.isEmpty && (
        <p className={styles.empty} role="status">
          {t("indicators.empty")}
        </p>
      )}
      <Heading>{t("indicators.figures")}</Heading>
      <dl className={styles.tiles}>
        {ALL_INDICATORS.map((indicator) => {
          const value = dashboard.total[indicator.key] ?? null;
          return (
            <div key={indicator.key} className={styles.tile}>
              <dt>{name(indicator.key)}</dt>
              <dd>
                <span className={styles.value} data-indicator={indicator.key}>
                  {formatFigure(locale, indicator.unit, value, notComputed)}
                </span>
                {value === null && <span className="muted">{t("indicators.notComputedWhy")}</span>}
                <details>
                  <summary>{t("indicators.definition")}</summary>
                  <p>{indicator.definition[locale]}</p>
                </details>
              </dd>
            </div>
          );
        })}
      </dl>
      {dashboard.series.length > 1 && !dashboard.isEmpty && (
        <LineChart
          title={t("indicators.overTime")}
          alt={t("indicators.lineAlt")}
          headers={[t("indicators.month"), name("trainees"), name("trainingHours")]}
          valueAxisLabel={name("trainees")}
          formatValue={(value) => formatNumber(locale, value)}
          points={dashboard.series.map((point) => ({
            label: formatMonth(locale, point.month),
            axisLabel: formatMonth(locale, point.month, { isShort: true }),
            value: point.trainees,
            cells: [
              formatFigure(locale, "count", point.trainees, notComputed),
              formatFigure(locale, "hours", point.hours, notComputed),
            ],
          }))}
        />
      )}
      {props.reportHref && (
        <p>
          <Link href={props.reportHref}>{t("indicators.drillDown")}</Link>
        </p>
      )}
      {breakdown !== "none" && dashboard.rows.length > 0 && (
        <>
          <Heading>{t("indicators.chartOf", { indicator: name(chosen.key), breakdown: breakdownName })}</Heading>
          <p className="definition">{chosen.definition[locale]}</p>
          <BarChart
            title={t("indicators.chartOf", { indicator: name(chosen.key), breakdown: breakdownName })}
            alt={t("indicators.chartAlt")}
            tableCaption={t("indicators.tableOf", { indicator: name(chosen.key), breakdown: breakdownName })}
            groupHeader={t("indicators.group")}
            valueHeader={name(chosen.key)}
            bars={dashboard.rows.map((row) => {
              const value = row.figures[chosen.key] ?? null;
              return {
                label: label(row.key),
                value,
                display: formatFigure(locale, chosen.unit, value, notComputed),
                href: props.groupHref?.(row.key),
                linkLabel: t("indicators.rowsOf", { group: label(row.key) }),
              };
            })}
          />
          <div
            className={styles.scroll}
            tabIndex={0}
            role="region"
            aria-label={t("indicators.breakdownTable", { breakdown: breakdownName })}
          >
            <table className="table">
              <caption>{t("indicators.breakdownTable", { breakdown: breakdownName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.group")}</th>
                  {ALL_INDICATORS.map((indicator) => (
                    <th key={indicator.key} scope="col">
                      {name(indicator.key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {dashboard.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      {props.groupHref ? (
                        <Link href={props.groupHref(row.key)} title={t("indicators.rowsOf", { group: label(row.key) })}>
                          {label(row.key)}
                        </Link>
                      ) : (
                        label(row.key)
                      )}
                    </th>
                    {ALL_INDICATORS.map((indicator) => (
                      <td key={indicator.key}>
                        {formatFigure(locale, indicator.unit, row.figures[indicator.key] ?? null, "—")}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("indicators.total")}</th>
                  {ALL_INDICATORS.map((indicator) => (
                    <td key={indicator.key}>
                      {formatFigure(locale, indicator.unit, dashboard.total[indicator.key] ?? null, "—")}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
