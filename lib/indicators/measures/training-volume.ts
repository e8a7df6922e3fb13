import type { Modality } from "../../db/generated/enums";
import type { TIndicator, TGroupFacts, TRollupSums } from "../indicator";
import { completedInPeriod, headcountTotal, memoizePerFacts } from "../indicator";

/**
 * Minutes of training per course modality. In person: attended minutes of the slots where the
 * agent was present. Online: the declared duration of the course version, once completed.
 * Hybrid: both parts (its declared duration is that of its online part).
 */
export const minutesByModality = memoizePerFacts((facts: TGroupFacts): Readonly<Record<Modality, number>> => {
  const minutes: Record<Modality, number> = { ONLINE: 0, IN_PERSON: 0, HYBRID: 0 };
  for (const row of facts.attendances) {
    if (row.course.modality !== "ONLINE") minutes[row.course.modality] += row.minutes;
  }
  for (const row of completedInPeriod(facts)) {
    if (row.course.modality !== "IN_PERSON") minutes[row.course.modality] += row.declaredMinutes;
  }
  return minutes;
});

export function totalHours(facts: TGroupFacts): number {
  const minutes = minutesByModality(facts);
  return (minutes.ONLINE + minutes.IN_PERSON + minutes.HYBRID) / 60;
}

function hoursOfSums(sums: TRollupSums): number {
  return (sums.minutes.ONLINE + sums.minutes.IN_PERSON + sums.minutes.HYBRID) / 60;
}

export const trainingHours: TIndicator = {
  key: "trainingHours",
  unit: "hours",
  definition: {
    fr: "Volume de formation (heures) : heures de présence aux demi-journées de session (présentiel et partie présentielle des formations hybrides) + durée déclarée des formations en ligne achevées dans la période (et partie en ligne des hybrides).",
    en: "Training volume (hours): hours attended in session slots (in person and the in-person part of hybrid trainings) + the declared duration of online trainings completed in the period (and the online part of hybrids).",
  },
  compute: totalHours,
  fromSums: hoursOfSums,
};

export const trainingDays: TIndicator = {
  key: "trainingDays",
  unit: "days",
  definition: {
    fr: "Volume de formation (jours) : heures de formation ÷ durée d'une journée de formation (RELAIS_HOURS_PER_DAY, 6 heures par défaut).",
    en: "Training volume (days): training hours ÷ the length of a training day (RELAIS_HOURS_PER_DAY, 6 hours by default).",
  },
  compute: (facts) => totalHours(facts) / facts.hoursPerDay,
  fromSums: (sums) => hoursOfSums(sums) / sums.hoursPerDay,
};

export const hoursPerAgent: TIndicator = {
  key: "hoursPerAgent",
  unit: "hours",
  needsHeadcount: true,
  definition: {
    fr: "Heures par agent en poste : heures de formation de la période ÷ agents en poste (tous les agents, formés ou non).",
    en: "Hours per agent in post: training hours of the period ÷ agents in post (every agent, trained or not).",
  },
  compute: (facts) => {
    const headcount = headcountTotal(facts);
    return headcount === null ? null : totalHours(facts) / headcount;
  },
  fromSums: (sums) => (sums.headcount === null ? null : hoursOfSums(sums) / sums.headcount),
};

function modalityShare(modality: Modality, fr: string, en: string): TIndicator {
  return {
    key: `share${modality}`,
    unit: "ratio",
    definition: {
      fr: `Part des heures ${fr} : heures des formations ${fr} ÷ volume total d'heures (répartition par modalité du cours).`,
      en: `Share of hours ${en}: hours of ${en} trainings ÷ total training hours (split by the course's modality).`,
    },
    compute: (facts) => {
      const minutes = minutesByModality(facts);
      const total = minutes.ONLINE + minutes.IN_PERSON + minutes.HYBRID;
      return total > 0 ? minutes[modality] / total : null;
    },
    fromSums: (sums) => {
      const total = sums.minutes.ONLINE + sums.minutes.IN_PERSON + sums.minutes.HYBRID;
      return total > 0 ? sums.minutes[modality] / total : null;
    },
  };
}

export const shareOnline = modalityShare("ONLINE", "en ligne", "online");
export const shareInPerson = modalityShare("IN_PERSON", "en présentiel", "in person");
export const shareHybrid = modalityShare("HYBRID", "hybrides", "hybrid");
