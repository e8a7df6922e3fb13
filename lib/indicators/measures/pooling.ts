// The pooling figures of the national indicators: how much the institutions train on each
// other's content (the shared national library, lib/library). Pure: hand-computed in pooling.test.ts.

/** Minutes delivered in the period to agents of one institution on content made by one institution. */
export type TPoolingHoursFact = { agentInstitutionId: string; contentInstitutionId: string; minutes: number };

/** One institution reusing one library course (adopted or adapted) by the end of the period. */
export type TPoolingReuseFact = { courseId: string; institutionId: string };

export type TPoolingFacts = { hours: TPoolingHoursFact[]; reuses: TPoolingReuseFact[] };

export const POOLING_DEFINITIONS = {
  shareOfHoursOnOthersContent: {
    fr: "Part des heures sur des contenus d'un autre établissement : heures de formation de la période (même définition que le volume de formation) suivies par des agents sur un cours dont le contenu a été fait par un autre établissement que le leur — un cours d'un autre établissement, ou l'adaptation d'un cours d'un autre établissement (le contenu est alors celui de l'établissement d'origine) — ÷ toutes les heures de formation de la période. Les agents sans établissement ne sont pas comptés.",
    en: "Share of hours on content made by another institution: training hours of the period (same definition as the training volume) followed by agents on a course whose content was made by another institution than theirs — another institution's course, or an adaptation of another institution's course (the content is then the original institution's) — ÷ all training hours of the period. Agents without an institution are not counted.",
  },
  coursesReusedByTwo: {
    fr: "Cours réutilisés par au moins deux établissements : nombre de cours de la bibliothèque nationale adoptés ou adaptés, avant la fin de la période, par au moins deux établissements autres que celui qui les a publiés (un établissement qui adopte et adapte le même cours compte une fois).",
    en: "Courses reused by at least two institutions: number of national library courses adopted or adapted, before the end of the period, by at least two institutions other than the one that published them (an institution that both adopts and adapts the same course counts once).",
  },
} as const;

export type TPoolingFigures = {
  /** null when no hour was delivered in the period (no denominator). */
  shareOfHoursOnOthersContent: number | null;
  coursesReusedByTwo: number;
};

export function computePoolingFigures(facts: TPoolingFacts): TPoolingFigures {
  let total = 0;
  let others = 0;
  for (const row of facts.hours) {
    total += row.minutes;
    if (row.agentInstitutionId !== row.contentInstitutionId) others += row.minutes;
  }
  const reusers = new Map<string, Set<string>>();
  for (const { courseId, institutionId } of facts.reuses)
    reusers.set(courseId, (reusers.get(courseId) ?? new Set()).add(institutionId));
  return {
    shareOfHoursOnOthersContent: total > 0 ? others / total : null,
    coursesReusedByTwo: [...reusers.values()].filter((institutions) => institutions.size >= 2).length,
  };
}
