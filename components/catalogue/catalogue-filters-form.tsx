import type { TTranslate } from "@/lib/i18n/translate";
import type { TLocale } from "@/lib/i18n/config";
import { countActiveFilters, type TCatalogueFilters } from "@/lib/learning/catalogue-filters";
import { PhoneDisclosure } from "@/components/layout/phone-disclosure";

type TOption = { code: string; nameFr: string; nameEn: string };
type TProps = { t: TTranslate; locale: TLocale; filters: TCatalogueFilters; themes: TOption[]; regions: TOption[] };

const MODALITIES = ["ONLINE", "IN_PERSON", "HYBRID"] as const;
const TRAINING_TYPES = [
  "STATUTORY",
  "T1_ADAPT_POST",
  "T2_JOB_CHANGE",
  "T3_QUALIFICATION",
  "EXAM_PREPARATION",
  "SKILLS_ASSESSMENT",
] as const;

/** A plain GET form: filtering works without JavaScript and every result page has a shareable URL. */
export function CatalogueFiltersForm({ t, locale, filters, themes, regions }: TProps) {
  const name = (option: TOption) => (locale === "en" ? option.nameEn : option.nameFr);
  const activeCount = countActiveFilters(filters);
  return (
    <form
      method="get"
      action="/catalogue"
      className="form filters"
      role="search"
      aria-label={t("learning.filters.legend")}
    >
      <div className="filter-field filter-search">
        <label htmlFor="filter-q">{t("learning.filters.q")}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
      </div>
      <PhoneDisclosure label={t("learning.filters.toggle", { count: activeCount })} isInitiallyOpen={activeCount > 0}>
        <div className="filter-field">
          <label htmlFor="filter-theme">{t("learning.filters.theme")}</label>
          <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ""}>
            <option value="">{t("learning.filters.any")}</option>
            {themes.map((theme) => (
              <option key={theme.code} value={theme.code}>
                {name(theme)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-modality">{t("learning.filters.modality")}</label>
          <select id="filter-modality" name="modality" defaultValue={filters.modality ?? ""}>
            <option value="">{t("learning.filters.any")}</option>
            {MODALITIES.map((modality) => (
              <option key={modality} value={modality}>
                {t(`enums.modality.${modality}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-type">{t("learning.filters.trainingType")}</label>
          <select id="filter-type" name="trainingType" defaultValue={filters.trainingType ?? ""}>
            <option value="">{t("learning.filters.any")}</option>
            {TRAINING_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`enums.trainingType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-language">{t("learning.filters.language")}</label>
          <select id="filter-language" name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("learning.filters.any")}</option>
            <option value="fr">{t("learning.filters.languageFr")}</option>
            <option value="en">{t("learning.filters.languageEn")}</option>
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-duration">{t("learning.filters.duration")}</label>
          <select id="filter-duration" name="duration" defaultValue={filters.duration ?? ""}>
            <option value="">{t("learning.filters.any")}</option>
            <option value="short">{t("learning.filters.durationShort")}</option>
            <option value="medium">{t("learning.filters.durationMedium")}</option>
            <option value="long">{t("learning.filters.durationLong")}</option>
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-region">{t("learning.filters.region")}</label>
          <select id="filter-region" name="region" defaultValue={filters.region ?? ""}>
            <option value="">{t("learning.filters.any")}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {name(region)}
              </option>
            ))}
          </select>
        </div>
      </PhoneDisclosure>
      <div className="filter-actions">
        <button type="submit" className="button">
          {t("learning.filters.apply")}
        </button>
        <a className="button button-secondary" href="/catalogue">
          {t("learning.filters.reset")}
        </a>
      </div>
    </form>
  );
}
