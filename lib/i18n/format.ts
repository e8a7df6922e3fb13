import type { TLocale } from "./config";

const INTL_LOCALE: Record<TLocale, string> = { fr: "fr-FR", en: "en-GB" };

export function formatDate(
  locale: TLocale,
  date: Date,
  options: { timeZone?: string; withTime?: boolean } = {},
): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "long",
    ...(options.withTime ? { timeStyle: "short" } : {}),
    timeZone: options.timeZone ?? "Europe/Paris",
  }).format(date);
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
