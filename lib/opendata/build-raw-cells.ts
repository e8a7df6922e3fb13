import type { TGroupFacts } from "../indicators/indicator";
import { totalHours } from "../indicators/measures/training-volume";
import { traineeIds } from "../indicators/measures/trainees";
import type { TAgentDims, TIndicatorFacts } from "../indicators/types";
import type { TRawCell } from "./apply-statistical-secrecy";

/** Open data is broken down by the agent's dimensions only: each agent falls in exactly one cell, so cells add up to the total. */
export const OPEN_DATA_BREAKDOWNS = ["region", "staffCategory", "population", "sex"] as const;
export type TOpenDataBreakdown = (typeof OPEN_DATA_BREAKDOWNS)[number];

export function agentKey(breakdown: TOpenDataBreakdown, agent: TAgentDims): string {
  if (breakdown === "region") return agent.regionId;
  if (breakdown === "sex") return agent.sex;
  return agent[breakdown] ?? "NOT_RECORDED";
}

/** Trainees and hours per cell and per contributing institution (the dominance rule needs the latter). */
export function buildRawCells(
  facts: TIndicatorFacts,
  breakdown: TOpenDataBreakdown,
  keys: readonly string[],
): TRawCell[] {
  return keys.map((key) => {
    const inCell = (row: { agent: TAgentDims }) => agentKey(breakdown, row.agent) === key;
    const institutions = new Set(
      [...facts.enrolments, ...facts.attendances].filter(inCell).map((row) => row.agent.institutionId),
    );
    const byInstitution = Object.fromEntries(
      [...institutions].map((institutionId) => {
        const mine = (row: { agent: TAgentDims }) => inCell(row) && row.agent.institutionId === institutionId;
        const group: TGroupFacts = {
          ...facts,
          enrolments: facts.enrolments.filter(mine),
          attendances: facts.attendances.filter(mine),
          surveys: [],
          headcounts: null,
        };
        return [institutionId, { people: traineeIds(group).size, hours: totalHours(group) }];
      }),
    );
    return { key, byInstitution };
  });
}
