// Equal access to training from needs: how many needs were
// expressed, retained and satisfied, per staff category, population and sex, and the plan's
// realisation rate. Pure: the facts come from lib/indicators/load-needs-facts.ts.
import type { NeedDecision } from "../db/generated/enums";

/**
 * Expressed (not withdrawn) needs of a campaign year that share a decision, whether they are
 * satisfied, and the agent's category, population and sex when expressed: `needs` of them.
 */
export type TNeedFact = {
  needs: number;
  decision: NeedDecision | null;
  isSatisfied: boolean;
  staffCategory: string;
  population: string;
  sex: string;
};

export type TNeedsBreakdown = "staffCategory" | "population" | "sex";

export type TNeedsIndicator = {
  key: "needsExpressed" | "needsRetained" | "needsSatisfied" | "retentionRate" | "realisationRate";
  unit: "count" | "ratio";
  definition: { fr: string; en: string };
  compute: (facts: readonly TNeedFact[]) => number | null;
};

const count = (facts: readonly TNeedFact[], keep: (fact: TNeedFact) => boolean = () => true) =>
  facts.reduce((total, fact) => total + (keep(fact) ? fact.needs : 0), 0);
const isRetained = (fact: TNeedFact) => fact.decision === "RETAINED";

export const NEEDS_INDICATORS: readonly TNeedsIndicator[] = [
  {
    key: "needsExpressed",
    unit: "count",
    definition: {
      fr: "Besoins exprimés : nombre de besoins de formation exprimés par les agents dans la campagne de l'année et non retirés (un agent peut en exprimer plusieurs).",
      en: "Needs expressed: number of training needs expressed by agents in the year's campaign and not withdrawn (an agent may express several).",
    },
    compute: (facts) => count(facts),
  },
  {
    key: "needsRetained",
    unit: "count",
    definition: {
      fr: "Besoins retenus : besoins exprimés que le service formation a retenus au plan de formation de l'année.",
      en: "Needs retained: expressed needs that the training service retained in the year's training plan.",
    },
    compute: (facts) => count(facts, isRetained),
  },
  {
    key: "needsSatisfied",
    unit: "count",
    definition: {
      fr: "Besoins satisfaits : besoins exprimés dont l'agent a suivi une formation correspondante dans l'année de la campagne (du 1er janvier au 1er janvier dans le fuseau horaire de l'établissement) — la formation du catalogue demandée, le module national commandé pour ce besoin, ou pour un besoin hors catalogue une formation du même thème — achevée en ligne dans l'année, ou avec présence à au moins une demi-journée d'une de ses sessions dans l'année ; ou dont la formation externe du plan qui y répond a été marquée réalisée dans l'année avec l'agent parmi ses participants.",
      en: "Needs satisfied: expressed needs for which the agent followed a matching training in the campaign's year (1 January to 1 January in the institution's time zone) — the catalogue course asked for, the national module commissioned for the need, or for a need outside the catalogue a course of the same theme — completed online in that year, or with presence at at least one half-day of one of its sessions in that year; or whose external training in the plan was marked done in that year with the agent among its participants.",
    },
    compute: (facts) => count(facts, (fact) => fact.isSatisfied),
  },
  {
    key: "retentionRate",
    unit: "ratio",
    definition: {
      fr: "Taux de retenue : besoins retenus / besoins exprimés. Non calculé sans besoin exprimé.",
      en: "Retention rate: needs retained / needs expressed. Not computed without any need expressed.",
    },
    compute: (facts) => {
      const expressed = count(facts);
      return expressed === 0 ? null : count(facts, isRetained) / expressed;
    },
  },
  {
    key: "realisationRate",
    unit: "ratio",
    definition: {
      fr: "Taux de réalisation du plan : besoins retenus et satisfaits / besoins retenus. Non calculé sans besoin retenu.",
      en: "Plan realisation rate: needs retained and satisfied / needs retained. Not computed without any retained need.",
    },
    compute: (facts) => {
      const retained = count(facts, isRetained);
      return retained === 0 ? null : count(facts, (fact) => isRetained(fact) && fact.isSatisfied) / retained;
    },
  },
];

/** Every indicator for all needs and per value of the breakdown (values sorted, "NOT_RECORDED" last). */
export function computeNeedsAccess(facts: readonly TNeedFact[], breakdown: TNeedsBreakdown) {
  const values = (rows: readonly TNeedFact[]) =>
    Object.fromEntries(NEEDS_INDICATORS.map((indicator) => [indicator.key, indicator.compute(rows)])) as Record<
      TNeedsIndicator["key"],
      number | null
    >;
  const groups = new Map<string, TNeedFact[]>();
  for (const fact of facts) groups.set(fact[breakdown], [...(groups.get(fact[breakdown]) ?? []), fact]);
  const rank = (value: string) => (value === "NOT_RECORDED" ? 1 : 0);
  return {
    total: values(facts),
    groups: [...groups.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([value, rows]) => ({ value, values: values(rows) })),
  };
}
