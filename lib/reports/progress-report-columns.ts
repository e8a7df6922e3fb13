import type { TLocale } from "../i18n/config";
import { createTranslator, type TMessageKey } from "../i18n/translate";
import { formatNumber } from "../i18n/format";
import type { TProgressRow } from "./list-progress-rows";

/** A report cell: text, a number, or a calendar day (a Date at UTC midnight of that day). */
export type TCell = string | number | Date | null;

/** The calendar day of an instant in a time zone, as a Date at UTC midnight (what a spreadsheet date cell holds). */
export function calendarDay(date: Date, timeZone: string): Date {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone }).format(date).split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

/** The report's columns, in the reader's language; the same for CSV, XLSX and PDF. */
export function progressReportTable(
  rows: TProgressRow[],
  locale: TLocale,
  timeZone = "Europe/Paris",
): { headers: string[]; cells: TCell[][] } {
  const t = createTranslator(locale);
  const day = (date: Date | null) => (date ? calendarDay(date, timeZone) : null);
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

/** A calendar day the reader's way: 05/03/2026 in French, 2026-03-05 (ISO, unambiguous) in English. */
function dayText(locale: TLocale, day: Date): string {
  return locale === "fr"
    ? new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "UTC" }).format(day)
    : day.toISOString().slice(0, 10);
}

/** A cell as text (page, CSV, PDF): numbers and days in the reader's format. */
export function cellText(locale: TLocale, value: TCell, options: { isGrouped: boolean }): string {
  if (value === null) return "";
  if (value instanceof Date) return dayText(locale, value);
  if (typeof value === "number")
    return formatNumber(locale, value, { maximumFractionDigits: 2, useGrouping: options.isGrouped });
  return value;
}
