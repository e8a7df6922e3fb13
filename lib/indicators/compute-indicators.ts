import { ALL_INDICATORS } from "./all-indicators";
import type { TGroupFacts } from "./indicator";
import { NOT_RECORDED, type TAgentDims, type TBreakdown, type TCourseDims, type TIndicatorFacts } from "./types";

export type TFigures = Record<string, number | null>;
export type TBreakdownRow = { key: string; figures: TFigures };
export type TIndicatorResult = { total: TFigures; rows: TBreakdownRow[]; isEmpty: boolean };

type TKeyOf = { agent?: (dims: TAgentDims) => string; course?: (dims: TCourseDims) => string };

/** Agent breakdowns have headcounts; course breakdowns (modality, type, theme) do not. */
const KEY_OF: Record<Exclude<TBreakdown, "none">, TKeyOf> = {
  institution: { agent: (dims) => dims.institutionId },
  region: { agent: (dims) => dims.regionId },
  staffCategory: { agent: (dims) => dims.staffCategory ?? NOT_RECORDED },
  population: { agent: (dims) => dims.population ?? NOT_RECORDED },
  sex: { agent: (dims) => dims.sex },
  modality: { course: (dims) => dims.modality },
  trainingType: { course: (dims) => dims.trainingType },
  theme: { course: (dims) => dims.themeId },
};

/** How an agent (or a headcount row) is keyed in an agent breakdown; undefined for course breakdowns. */
export function agentKeyOf(breakdown: Exclude<TBreakdown, "none">): ((dims: TAgentDims) => string) | undefined {
  return KEY_OF[breakdown].agent;
}

export function computeFigures(facts: TGroupFacts): TFigures {
  return Object.fromEntries(ALL_INDICATORS.map((indicator) => [indicator.key, indicator.compute(facts)]));
}

function keyOfRow(breakdown: Exclude<TBreakdown, "none">, row: { agent: TAgentDims; course: TCourseDims }): string {
  const keyOf = KEY_OF[breakdown];
  return keyOf.agent ? keyOf.agent(row.agent) : keyOf.course!(row.course);
}

/** The figures of the whole selection and of each group of the breakdown. */
export function computeIndicators(facts: TIndicatorFacts, breakdown: TBreakdown): TIndicatorResult {
  const total = computeFigures(facts);
  const isEmpty = facts.enrolments.length === 0 && facts.attendances.length === 0 && facts.surveys.length === 0;
  if (breakdown === "none") return { total, rows: [], isEmpty };
  const keyOf = KEY_OF[breakdown];
  // One pass to partition the rows by group (not one filter per group).
  const groups = new Map<string, TGroupFacts>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) {
      group = { ...facts, enrolments: [], attendances: [], surveys: [], headcounts: keyOf.agent ? [] : null };
      groups.set(key, group);
    }
    return group;
  };
  for (const row of facts.enrolments) groupOf(keyOfRow(breakdown, row)).enrolments.push(row);
  for (const row of facts.attendances) groupOf(keyOfRow(breakdown, row)).attendances.push(row);
  for (const row of facts.surveys) groupOf(keyOfRow(breakdown, row)).surveys.push(row);
  if (keyOf.agent) for (const row of facts.headcounts) groupOf(keyOf.agent(row)).headcounts!.push(row);
  const rows = [...groups.keys()].sort().map((key) => ({ key, figures: computeFigures(groups.get(key)!) }));
  return { total, rows, isEmpty };
}
