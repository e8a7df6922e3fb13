import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TProgressRow } from "@/lib/reports/list-progress-rows";
import { cellText, progressReportTable } from "@/lib/reports/progress-report-columns";
import styles from "./indicators.module.css";

const SHOWN_ROWS = 500;

/** The drill-down rows, with the export links carrying the same filters. */
export function ProgressReportView(props: {
  rows: TProgressRow[];
  locale: TLocale;
  t: TTranslate;
  exportQuery?: string;
}) {
  const { rows, locale, t } = props;
  const { headers, cells } = progressReportTable(rows.slice(0, SHOWN_ROWS), locale);
  return (
    <>
      {props.exportQuery !== undefined && (
        <nav aria-label={t("indicators.report.export")} className={styles.actions}>
          {(["csv", "xlsx", "pdf"] as const).map((format) => (
            <a
              key={format}
              className="button button-secondary"
              href={`/api/reports/progress?${props.exportQuery}&format=${format}`}
            >
              {t("indicators.report.export")} {t(`indicators.report.${format}`)}
            </a>
          ))}
        </nav>
      )}
      <p>{t("indicators.report.rows", { count: rows.length })}</p>
      {rows.length > SHOWN_ROWS && <p className="muted">{t("indicators.report.truncated", { count: SHOWN_ROWS })}</p>}
      {rows.length === 0 ? (
        <p className={styles.empty}>{t("indicators.report.none")}</p>
      ) : (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t("indicators.report.title")}>
          <table className="table">
            <caption>{t("indicators.report.title")}</caption>
            <thead>
              <tr>
                {headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <th key={column} scope="row">
                        {cellText(locale, cell, { isGrouped: true })}
                      </th>
                    ) : (
                      <td key={column}>{cell === null ? "—" : cellText(locale, cell, { isGrouped: true })}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
