import type { TTranslate } from "@/lib/i18n/translate";
import { BREAKDOWNS } from "@/lib/indicators/types";
import type { TIndicatorFilters } from "@/lib/indicators/scope";
import styles from "./indicators.module.css";

type TOption = { id: string; name: string };

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function IndicatorFilters(props: {
  t: TTranslate;
  action: string;
  filters: TIndicatorFilters;
  indicator: string;
  indicatorOptions: TOption[];
  regions?: TOption[];
  institutions?: TOption[];
}) {
  const { t, filters } = props;
  return (
    <form method="get" action={props.action} className={styles.filters} aria-label={t("indicators.filters")}>
      <div className={styles.field}>
        <label htmlFor="filter-from">{t("indicators.from")}</label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from} required />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-to">{t("indicators.to")}</label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to} required />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-breakdown">{t("indicators.breakdown")}</label>
        <select id="filter-breakdown" name="breakdown" defaultValue={filters.breakdown}>
          {BREAKDOWNS.filter((breakdown) => props.institutions || breakdown !== "institution").map((breakdown) => (
            <option key={breakdown} value={breakdown}>
              {t(`indicators.breakdowns.${breakdown}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-indicator">{t("indicators.chartIndicator")}</label>
        <select id="filter-indicator" name="indicator" defaultValue={props.indicator}>
          {props.indicatorOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      {props.regions && (
        <div className={styles.field}>
          <label htmlFor="filter-region">{t("indicators.region")}</label>
          <select id="filter-region" name="regionId" defaultValue={filters.regionId ?? ""}>
            <option value="">{t("indicators.all")}</option>
            {props.regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.institutions && (
        <div className={styles.field}>
          <label htmlFor="filter-institution">{t("indicators.institution")}</label>
          <select id="filter-institution" name="institutionId" defaultValue={filters.institutionId ?? ""}>
            <option value="">{t("indicators.all")}</option>
            {props.institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="button">
        {t("indicators.apply")}
      </button>
    </form>
  );
}
