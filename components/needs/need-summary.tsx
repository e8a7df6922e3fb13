import type { TNeedRow } from "@/lib/needs/need-view";
import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import { localized } from "@/lib/i18n/localized";

/** What a need says and where it stands, as every needs page shows it. */
export function NeedSummary({ need, locale, t }: { need: TNeedRow; locale: TLocale; t: TTranslate }) {
  return (
    <>
      <p className="badge">{t(`enums.needStage.${need.stage}`)}</p>
      <ul className="need-facts">
        <li>{t("needs.officer.theme", { theme: localized(locale, need.theme.fr, need.theme.en) })}</li>
        <li>{t("needs.officer.type", { type: t(`enums.trainingType.${need.trainingType}`) })}</li>
        <li>{t("needs.officer.priority", { priority: t(`enums.needPriority.${need.priority}`) })}</li>
      </ul>
      <p className="need-justification">{need.justification}</p>
      {need.opinion && (
        <p>
          {t("needs.mine.opinion", { opinion: t(`enums.needOpinion.${need.opinion}`) })}
          {need.opinionReason && ` — ${need.opinionReason}`}
        </p>
      )}
      {need.decision && (
        <p>
          {t("needs.mine.decision", { decision: t(`enums.needDecision.${need.decision}`) })}
          {need.decisionReason && ` — ${t("needs.mine.reason", { reason: need.decisionReason })}`}
        </p>
      )}
    </>
  );
}

export function needTitle(need: TNeedRow, locale: TLocale): string {
  return localized(locale, need.label.fr, need.label.en);
}
