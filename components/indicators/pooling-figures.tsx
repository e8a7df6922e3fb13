import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { POOLING_DEFINITIONS, type TPoolingFigures } from "@/lib/indicators/measures/pooling";

/** The pooling figures of the national indicators, each with its written definition beside it. */
export function PoolingFigures(props: { figures: TPoolingFigures; locale: TLocale; t: TTranslate }) {
  const { figures, locale, t } = props;
  return (
    <section aria-labelledby="pooling-heading" className="panel">
      <h2 id="pooling-heading">{t("indicators.pooling.title")}</h2>
      <dl className="facts">
        <dt>{t("indicators.pooling.shareOfHoursOnOthersContent")}</dt>
        <dd>
          <strong data-testid="pooling-share">
            {figures.shareOfHoursOnOthersContent === null
              ? t("indicators.pooling.noHours")
              : formatPercent(locale, figures.shareOfHoursOnOthersContent)}
          </strong>
          <p className="hint">{POOLING_DEFINITIONS.shareOfHoursOnOthersContent[locale]}</p>
        </dd>
        <dt>{t("indicators.pooling.coursesReusedByTwo")}</dt>
        <dd>
          <strong data-testid="pooling-reused">{formatNumber(locale, figures.coursesReusedByTwo)}</strong>
          <p className="hint">{POOLING_DEFINITIONS.coursesReusedByTwo[locale]}</p>
        </dd>
      </dl>
    </section>
  );
}
