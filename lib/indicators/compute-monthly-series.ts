import { isInPeriod, type TGroupFacts } from "./indicator";
import { totalHours } from "./measures/training-volume";
import { traineeIds } from "./measures/trainees";
import type { TIndicatorFacts } from "./types";

export type TMonthPoint = { month: string; trainees: number; hours: number };

/** Longer periods are summarised by the breakdowns; a line over more than three years is unreadable. */
export const MAX_MONTHS = 36;

/**
 * Trainees and hours month by month, with the same definitions applied to each month as its
 * own period (an agent trained in January and March counts in both months, once in the total).
 */
export function computeMonthlySeries(facts: TIndicatorFacts): TMonthPoint[] {
  const points: TMonthPoint[] = [];
  let start = new Date(Date.UTC(facts.period.from.getUTCFullYear(), facts.period.from.getUTCMonth(), 1));
  while (start < facts.period.to && points.length < MAX_MONTHS) {
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const period = { from: start < facts.period.from ? facts.period.from : start, to: end > facts.period.to ? facts.period.to : end };
    const month: TGroupFacts = { ...facts, period, attendances: facts.attendances.filter((row) => isInPeriod(row.startsAt, period)), headcounts: null };
    points.push({ month: start.toISOString().slice(0, 7), trainees: traineeIds(month).size, hours: totalHours(month) });
    start = end;
  }
  return points;
}
