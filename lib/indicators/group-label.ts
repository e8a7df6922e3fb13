import type { TLocale } from "../i18n/config";
import type { TMessageKey, TTranslate } from "../i18n/translate";
import type { TIndicatorFilters } from "./scope";
import { NOT_RECORDED, type TBreakdown } from "./types";

/** The readable name of a breakdown group: referential names, or translated enum values. */
export function groupLabel(options: {
  breakdown: TBreakdown;
  key: string;
  labels: Record<string, { fr: string; en: string }>;
  locale: TLocale;
  t: TTranslate;
}): string {
  const { breakdown, key, labels, locale, t } = options;
  if (key === NOT_RECORDED) return t("indicators.notRecorded");
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

/** "Seulement : Catégorie « B »": what narrows a drill-down or an export to one group, or null. */
export function describeGroupFilter(options: {
  filters: Pick<TIndicatorFilters, "breakdown" | "group">;
  labels: Record<string, { fr: string; en: string }>;
  locale: TLocale;
  t: TTranslate;
}): string | null {
  const { filters, labels, locale, t } = options;
  if (filters.group === undefined || filters.breakdown === "none") return null;
  return t("indicators.report.groupFilter", {
    breakdown: t(`indicators.breakdowns.${filters.breakdown}`),
    group: groupLabel({ breakdown: filters.breakdown, key: filters.group, labels, locale, t }),
  });
}
