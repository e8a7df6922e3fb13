import type { TLocale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translate";
import type { TOpenData } from "@/lib/opendata/get-open-data";
import { groupLabel } from "@/lib/indicators/group-label";

/** One breakdown of a year's open data as the public reads it: suppressed cells say so, never a figure. */
export function OpenDataTable({ data, locale, t }: { data: TOpenData; locale: TLocale; t: TTranslate }) {
  const label = (cell: TOpenData["cells"][number]) =>
    cell.labelFr
      ? locale === "en"
        ? cell.labelEn!
        : cell.labelFr
      : groupLabel({ breakdown: data.breakdown, key: cell.code, labels: {}, locale, t });
  const value = (number: number | null, digits = 0) =>
    number === null
      ? t("indicators.openData.suppressed")
      : formatNumber(locale, number, { maximumFractionDigits: digits });
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>
          {t("indicators.chartOf", {
            indicator: t("indicators.names.trainees"),
            breakdown: t(`indicators.breakdowns.${data.breakdown}` as TMessageKey),
          })}{" "}
          — {data.year}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("indicators.group")}</th>
            <th scope="col">{t("indicators.names.trainees")}</th>
            <th scope="col">{t("indicators.names.trainingHours")}</th>
          </tr>
        </thead>
        <tbody>
          {data.cells.map((cell) => (
            <tr key={cell.code}>
              <th scope="row">{label(cell)}</th>
              <td>{value(cell.trainees)}</td>
              <td>{value(cell.hours, 1)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("indicators.total")}</th>
            <td>{value(data.total.trainees)}</td>
            <td>{value(data.total.hours, 1)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
