import type { TLocale } from "@/lib/i18n/config";
import type { TMessageKey, TTranslate } from "@/lib/i18n/translate";
import type { TBreakdown } from "@/lib/indicators/types";

/** The readable name of a breakdown group: referential names, or translated enum values. */
export function groupLabel(options: {
  breakdown: TBreakdown;
  key: string;
  labels: Record<string, { fr: string; en: string }>;
  locale: TLocale;
  t: TTranslate;
}): string {
  const { breakdown, key, labels, locale, t } = options;
  if (key === "NOT_RECORDED") return t("indicators.notRecorded");
  const prefix: Partial<Record<TBreakdown, string>> = {
    staffCategory: "indicators.category",
    population: "indicators.population",
    sex: "indicators.sex",
    modality: "enums.modality",
    trainingType: "enums.trainingType",
  };
  const messagePrefix = prefix[breakdown];
  if (messagePrefix) return t(`${messagePrefix}.${key}` as TMessageKey);
  return labels[key]?.[locale] ?? key;
}
