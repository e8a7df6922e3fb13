import type { TLocale } from "../i18n/config";
import { formatNumber } from "../i18n/format";
import type { TTranslate } from "../i18n/translate";
import type { TPlanActionLine } from "./import-plan-actions";

/**
 * A plan import's line as its preview shows it to the officer: the training type and the nature
 * in words (the file may say "T2" or "externe"; the preview says what was understood), counts
 * and amounts in the reader's format. The columns keep the file's names and order.
 */
export function planLinePreview(row: TPlanActionLine, t: TTranslate, locale: TLocale) {
  const euros = (amount: number) => formatNumber(locale, amount, { style: "currency", currency: "EUR" });
  return {
    line: row.line,
    theme: row.theme,
    type: t(`enums.trainingType.${row.type}`),
    nature: t(`enums.planActionKind.${row.nature}`),
    intitule: row.intitule,
    formation: row.formation,
    agents_prevus: formatNumber(locale, row.agents_prevus),
    budget_pedagogique: euros(row.budget_pedagogique),
    locaux: euros(row.locaux),
    frais_mission: euros(row.frais_mission),
  };
}
