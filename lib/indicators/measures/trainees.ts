import type { TIndicator } from "../indicator";
import { completedInPeriod, memoizePerFacts } from "../indicator";

/** Distinct agents trained in the period: the numerator of the access rate. */
export const traineeIds = memoizePerFacts((facts): ReadonlySet<string> => {
  const ids = new Set(completedInPeriod(facts).map((row) => row.userId));
  for (const row of facts.attendances) ids.add(row.userId);
  return ids;
});

export const trainees: TIndicator = {
  key: "trainees",
  unit: "count",
  definition: {
    fr: "Stagiaires : nombre d'agents distincts ayant suivi au moins une formation dans la période (formation en ligne achevée dans la période, ou présence à au moins une demi-journée de session dans la période). Un agent formé trois fois compte une fois.",
    en: "Trainees: number of distinct agents with at least one completed training in the period (an online training completed in the period, or present at at least one half-day session slot in the period). An agent trained three times counts once.",
  },
  compute: (facts) => traineeIds(facts).size,
  fromSums: (sums) => sums.trainees,
};
