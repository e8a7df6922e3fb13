import type { TIndicator } from "../indicator";
import { openedInPeriod } from "../indicator";

export const enrolments: TIndicator = {
  key: "enrolments",
  unit: "count",
  definition: {
    fr: "Inscriptions : inscriptions à une formation ouvertes dans la période, hors demandes refusées ou encore en attente de validation. Ce n'est pas le nombre de stagiaires.",
    en: "Enrolments: enrolments in a training opened in the period, excluding requests refused or still awaiting approval. Not the number of trainees.",
  },
  compute: (facts) => openedInPeriod(facts).length,
  fromSums: (sums) => sums.enrolments,
};
