import { isInPeriod, type TGroupFacts } from "./indicator";
import { totalHours } from "./measures/training-volume";
import { traineeIds } from "./measures/trainees";
import type { TIndicatorFacts, TPeriod } from "./types";

export type TMonthPoint = { month: string; trainees: number; hours: number };

/** Longer periods are summarised by the breakdowns; a line over more than three years is unreadable. */
export const MAX_MONTHS = 36;

/**
 * Trainees and hours month by month, with the same definitions applied to each month as its
 * own period (an agent trained in January and March counts in both months, once in the total).
 */
export function computeMonthlySeries(facts: TIndicatorFacts): TMonthPoint[] {
  return monthsOf(facts.period).map(({ label, period }) => {
    const month: TGroupFacts = {
      ...facts,
      period,
      attendances: facts.attendances.filter((row) => isInPeriod(row.startsAt, period)),
      headcounts: null,
    };
    return { month: label, trainees: traineeIds(month).size, hours: totalHours(month) };
  });
}

/** The calendar months of a period (at most MAX_MONTHS), each clipped to the period. */
export function monthsOf(period: TPeriod): { label: string; year: number; period: TPeriod }[] {
  const months: { label: string; year: number; period: TPeriod }[] = [];
  let start = new Date(Date.UTC(period.from.getUTCFullYear(), period.from.getUTCMonth(), 1));
  while (start < period.to && months.length < MAX_MONTHS) {
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    months.push({
      label: start.toISOString().slice(0, 7),
      year: start.getUTCFullYear(),
      period: { from: start < period.from ? period.from : start, to: end > period.to ? period.to : end },
    });
    start = end;
  }
  return months;
}
