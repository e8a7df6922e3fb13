import type { SurveyKind } from "../../db/generated/enums";
import type { TIndicator, TGroupFacts } from "../indicator";

/** Mean over responses of each response's mean answer (1 to 5): every respondent weighs the same. */
function meanOfResponses(facts: TGroupFacts, kind: SurveyKind): number | null {
  const rows = facts.surveys.filter((row) => row.kind === kind);
  return rows.length > 0 ? rows.reduce((sum, row) => sum + row.meanAnswer, 0) / rows.length : null;
}

export const satisfaction: TIndicator = {
  key: "satisfaction",
  unit: "outOf5",
  definition: {
    fr: "Satisfaction : moyenne, sur les questionnaires de fin de formation remplis dans la période, de la note moyenne (1 à 5) donnée par chaque répondant.",
    en: "Satisfaction: mean, over the end-of-training surveys answered in the period, of each respondent's mean rating (1 to 5).",
  },
  compute: (facts) => meanOfResponses(facts, "SATISFACTION"),
  fromSums: (sums) => (sums.satisfactionCount > 0 ? sums.satisfactionSum / sums.satisfactionCount : null),
};

export const effectiveness: TIndicator = {
  key: "effectiveness",
  unit: "outOf5",
  definition: {
    fr: "Efficacité perçue : moyenne, sur les questionnaires de suivi (envoyés quelques mois après la formation) remplis dans la période, de la note moyenne (1 à 5) de chaque répondant.",
    en: "Perceived effectiveness: mean, over the follow-up surveys (sent months after the training) answered in the period, of each respondent's mean rating (1 to 5).",
  },
  compute: (facts) => meanOfResponses(facts, "FOLLOW_UP"),
  fromSums: (sums) => (sums.followUpCount > 0 ? sums.followUpSum / sums.followUpCount : null),
};

export const surveyResponses: TIndicator = {
  key: "surveyResponses",
  unit: "count",
  definition: {
    fr: "Réponses aux questionnaires : nombre de questionnaires de satisfaction et de suivi remplis dans la période (chaque agent répond une fois par formation et par questionnaire).",
    en: "Survey responses: satisfaction and follow-up surveys answered in the period (each agent answers once per training and survey).",
  },
  compute: (facts) => facts.surveys.length,
  fromSums: (sums) => sums.satisfactionCount + sums.followUpCount,
};
