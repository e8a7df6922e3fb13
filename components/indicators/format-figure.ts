import type { TLocale } from "@/lib/i18n/config";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { TIndicatorUnit } from "@/lib/indicators/indicator";

/** A figure as people read it; null is "not computed" (explained beside it), never NaN. */
export function formatFigure(locale: TLocale, unit: TIndicatorUnit, value: number | null, notComputed: string): string {
  if (value === null) return notComputed;
  switch (unit) {
    case "ratio":
      return formatPercent(locale, value);
    case "hours":
      return `${formatNumber(locale, value, { maximumFractionDigits: 1 })} h`;
    case "days":
      return `${formatNumber(locale, value, { maximumFractionDigits: 1 })} ${locale === "en" ? "d" : "j"}`;
    case "outOf5":
      return `${formatNumber(locale, value, { maximumFractionDigits: 2 })} / 5`;
    case "km":
      return `${formatNumber(locale, value, { maximumFractionDigits: 0 })} km`;
    case "euros":
      return formatNumber(locale, value, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
    default:
      return formatNumber(locale, value, { maximumFractionDigits: 2 });
  }
}
