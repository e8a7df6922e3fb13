import type { TLocale } from "./config";

const INTL_LOCALE: Record<TLocale, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * A date written out ("5 mars 2026", "5 March 2026"), with the time when asked. French writes the
 * first day of a month as an ordinal ("1er février"), which Intl does not: the day part is mended.
 */
export function formatDate(
  locale: TLocale,
  date: Date,
  options: { timeZone?: string; withTime?: boolean } = {},
): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "long",
    ...(options.withTime ? { timeStyle: "short" } : {}),
    timeZone: options.timeZone ?? "Europe/Paris",
  }).formatToParts(date);
  return parts
    .map((part) => (locale === "fr" && part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** A calendar day given as YYYY-MM-DD (a filter's bound), written out: no time zone may move it. */
export function formatDay(locale: TLocale, isoDay: string): string {
  return formatDate(locale, new Date(`${isoDay}T12:00:00Z`), { timeZone: "UTC" });
}

export function formatNumber(locale: TLocale, value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], options).format(value);
}

export function formatPercent(locale: TLocale, ratio: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

export function formatHours(locale: TLocale, minutes: number): string {
  return `${formatNumber(locale, minutes / 60, { maximumFractionDigits: 1 })} h`;
}

/** A calendar month "2026-03" written out: "mars 2026" / "March 2026", or "mars 26" / "Mar 26" when short. */
export function formatMonth(locale: TLocale, isoMonth: string, options: { isShort?: boolean } = {}): string {
  const [year, month] = isoMonth.split("-").map(Number);
  if (!year || !month) return isoMonth;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    month: options.isShort ? "short" : "long",
    year: options.isShort ? "2-digit" : "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}
