import type { TIndicator } from "../indicator";
import { completedInPeriod, openedInPeriod, ratioOrNull } from "../indicator";

export const completions: TIndicator = {
  key: "completions",
  unit: "count",
  definition: {
    fr: "Achèvements : inscriptions achevées (règles d'achèvement du cours remplies) dans la période, quelle que soit la date d'inscription.",
    en: "Completions: enrolments completed (the course's completion rules met) in the period, whatever the enrolment date.",
  },
  compute: (facts) => completedInPeriod(facts).length,
  fromSums: (sums) => sums.completions,
};

export const completionRate: TIndicator = {
  key: "completionRate",
  unit: "ratio",
  definition: {
    fr: "Taux d'achèvement : parmi les inscriptions ouvertes dans la période (hors refus et attentes de validation), part de celles qui sont achevées à ce jour.",
    en: "Completion rate: among the enrolments opened in the period (excluding refused and awaiting approval), the share completed to date.",
  },
  compute: (facts) => {
    const opened = openedInPeriod(facts);
    return ratioOrNull(opened.filter((row) => row.status === "COMPLETED").length, opened.length);
  },
  fromSums: (sums) => ratioOrNull(sums.openedCompleted, sums.enrolments),
};
