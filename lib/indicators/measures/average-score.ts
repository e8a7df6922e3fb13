import type { TIndicator } from "../indicator";
import { completedInPeriod } from "../indicator";

export const averageScore: TIndicator = {
  key: "averageScore",
  unit: "ratio",
  definition: {
    fr: "Score moyen : moyenne des scores (0 à 100 %) des formations achevées dans la période qui comportaient une évaluation ; les formations sans évaluation ne comptent pas.",
    en: "Average score: mean of the scores (0 to 100 %) of the trainings completed in the period that included an assessment; trainings without one do not count.",
  },
  compute: (facts) => {
    const scores = completedInPeriod(facts).flatMap((row) => (row.scaledScore === null ? [] : [row.scaledScore]));
    return scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null;
  },
  fromSums: (sums) => (sums.scoreCount > 0 ? sums.scoreSum / sums.scoreCount : null),
};
