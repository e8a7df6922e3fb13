import type { TIndicator } from "../indicator";
import { headcountTotal } from "../indicator";
import { traineeIds } from "./trainees";

export const agentsInPost: TIndicator = {
  key: "agentsInPost",
  unit: "count",
  needsHeadcount: true,
  definition: {
    fr: "Agents en poste : effectifs importés par les établissements pour l'année de fin de la période (établissement × catégorie × population × sexe).",
    en: "Agents in post: headcounts imported by the institutions for the year in which the period ends (institution × category × population × sex).",
  },
  compute: (facts) => headcountTotal(facts),
  fromSums: (sums) => sums.headcount,
};

export const accessRate: TIndicator = {
  key: "accessRate",
  unit: "ratio",
  needsHeadcount: true,
  definition: {
    fr: "Taux d'accès à la formation : stagiaires de la période ÷ agents en poste (effectifs de l'année de fin de la période). Sans effectif importé, le taux n'est pas calculé.",
    en: "Access rate: trainees of the period ÷ agents in post (headcounts of the year in which the period ends). Without imported headcounts it is not computed.",
  },
  compute: (facts) => {
    const headcount = headcountTotal(facts);
    return headcount === null ? null : traineeIds(facts).size / headcount;
  },
  fromSums: (sums) => (sums.headcount === null ? null : sums.trainees / sums.headcount),
};
