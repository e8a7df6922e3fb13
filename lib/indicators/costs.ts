// Cost indicators of training (issue 16, item 5): the cost per trainee-hour and the plan's budget
// consumed against planned, per institution and nationally. Pure: the facts come from
// lib/indicators/load-cost-facts.ts, one row per institution.

/** One institution's facts for a year (amounts in euro cents, durations in minutes). */
export type TCostFact = {
  institutionId: string;
  /** Recorded costs of the institution's sessions of the year that have their costs recorded. */
  sessionCostCents: number;
  /** Minutes attended at those same sessions (every present trainee × the half-day's length). */
  traineeMinutes: number;
  /** The year's training plan: its actions' budgets (teaching + venue + mission). */
  plannedCents: number;
  /** What the plan consumed: recorded costs of the institution's sessions of the plan's courses, plus external trainings done. */
  consumedCents: number;
};

export type TCostIndicator = {
  key: "costPerTraineeHour" | "budgetPlanned" | "budgetConsumed" | "budgetConsumedRate";
  unit: "euros" | "ratio";
  definition: { fr: string; en: string };
  /** Computed from the sums of the facts (a national figure is never a mean of institutions' ratios). */
  compute: (facts: readonly TCostFact[]) => number | null;
};

const sum = (facts: readonly TCostFact[], pick: (fact: TCostFact) => number) =>
  facts.reduce((total, fact) => total + pick(fact), 0);

export const COST_INDICATORS: readonly TCostIndicator[] = [
  {
    key: "costPerTraineeHour",
    unit: "euros",
    definition: {
      fr: "Coût par heure-stagiaire (€) : somme des coûts saisis (formateurs, salle, restauration, déplacements remboursés) des sessions de l'établissement dont la première demi-journée tombe dans l'année (fuseau horaire de l'établissement), non annulées et dont les coûts ont été saisis, divisée par les heures de présence de leurs stagiaires (chaque présence compte la durée de sa demi-journée). Au niveau national : somme des coûts / somme des heures de tous les établissements. Non calculé sans heure de présence.",
      en: "Cost per trainee-hour (€): sum of the recorded costs (trainers, room, catering, travel reimbursed) of the institution's sessions whose first half-day falls in the year (institution's time zone), not cancelled and with their costs recorded, divided by their trainees' attended hours (each presence counts its half-day's length). Nationally: sum of costs / sum of hours of every institution. Not computed without any attended hour.",
    },
    compute: (facts) => {
      const minutes = sum(facts, (fact) => fact.traineeMinutes);
      return minutes === 0 ? null : sum(facts, (fact) => fact.sessionCostCents) / 100 / (minutes / 60);
    },
  },
  {
    key: "budgetPlanned",
    unit: "euros",
    definition: {
      fr: "Budget prévu (€) : somme des budgets (pédagogique, locaux, frais de mission estimés) des actions du plan de formation de l'année.",
      en: "Budget planned (€): sum of the budgets (teaching, venue, estimated mission costs) of the actions of the year's training plan.",
    },
    compute: (facts) => sum(facts, (fact) => fact.plannedCents) / 100,
  },
  {
    key: "budgetConsumed",
    unit: "euros",
    definition: {
      fr: "Budget consommé (€) : coûts saisis des sessions de l'établissement dans l'année (première demi-journée dans l'année, non annulées) dont la formation est celle d'une action du plan de l'année, plus le coût réel des formations externes du plan marquées réalisées.",
      en: "Budget consumed (€): recorded costs of the institution's sessions of the year (first half-day in the year, not cancelled) whose course is that of an action of the year's plan, plus the real cost of the plan's external trainings marked done.",
    },
    compute: (facts) => sum(facts, (fact) => fact.consumedCents) / 100,
  },
  {
    key: "budgetConsumedRate",
    unit: "ratio",
    definition: {
      fr: "Taux de consommation du budget : budget consommé / budget prévu (peut dépasser 100 %). Non calculé sans budget prévu.",
      en: "Budget consumption rate: budget consumed / budget planned (may exceed 100%). Not computed without any planned budget.",
    },
    compute: (facts) => {
      const planned = sum(facts, (fact) => fact.plannedCents);
      return planned === 0 ? null : sum(facts, (fact) => fact.consumedCents) / planned;
    },
  },
];

export type TCostValues = Record<TCostIndicator["key"], number | null>;

/** Every cost indicator per institution and for all of them together. */
export function computeCostIndicators(facts: readonly TCostFact[]) {
  const values = (rows: readonly TCostFact[]) =>
    Object.fromEntries(COST_INDICATORS.map((indicator) => [indicator.key, indicator.compute(rows)])) as TCostValues;
  return {
    total: values(facts),
    byInstitution: facts.map((fact) => ({ institutionId: fact.institutionId, values: values([fact]) })),
  };
}
