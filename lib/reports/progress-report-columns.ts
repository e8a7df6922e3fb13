import type { TLocale } from "../i18n/config";
import { createTranslator, type TMessageKey } from "../i18n/translate";
import type { TProgressRow } from "./list-progress-rows";

export type TCell = string | number | null;

/** The report's columns, in the reader's language; the same for CSV, XLSX and PDF. */
export function progressReportTable(rows: TProgressRow[], locale: TLocale): { headers: string[]; cells: TCell[][] } {
  const t = createTranslator(locale);
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  const headers = [
    t("indicators.report.agent"),
    t("indicators.report.email"),
    t("indicators.institution"),
    t("indicators.report.course"),
    t("indicators.breakdowns.modality"),
    t("indicators.breakdowns.trainingType"),
    t("indicators.report.status"),
    t("indicators.report.hours"),
    t("indicators.report.enrolledAt"),
    t("indicators.report.completedAt"),
    t("indicators.report.score"),
  ];
  const cells = rows.map((row) => [
    row.agentName,
    row.agentEmail,
    row.institution,
    row.course,
    t(`enums.modality.${row.modality}` as TMessageKey),
    t(`enums.trainingType.${row.trainingType}` as TMessageKey),
    row.status === "ATTENDED"
      ? t("indicators.report.attended")
      : t(`enums.enrolmentStatus.${row.status}` as TMessageKey),
    Math.round(row.hours * 100) / 100,
    day(row.enrolledAt),
    day(row.completedAt),
    row.score === null ? null : Math.round(row.score * 1000) / 10,
  ]);
  return { headers, cells };
}
