import type { TIndicatorFacts } from "./types";

export type TIndicatorUnit = "count" | "ratio" | "hours" | "days" | "score" | "outOf5" | "km" | "euros";

/**
 * One national indicator: its one written definition (shown beside the figure; docs/ARCHITECTURE.md)
 * and how it is computed from the period's facts. `null` means "cannot be computed" (no
 * denominator, nothing assessed...) and is shown as an explained empty value, never NaN.
 */
export type TIndicator = {
  key: string;
  unit: TIndicatorUnit;
  definition: { fr: string; en: string };
  /** Headcount-based indicators are not defined for course breakdowns (modality, type, theme). */
  needsHeadcount?: boolean;
  compute: (facts: TGroupFacts) => number | null;
  /** The same definition applied to a group's rollup sums (national scale); both paths are tested equal. */
  fromSums: (sums: TRollupSums) => number | null;
};

/**
 * The additive parts of a group's figures (lib/indicators/build-rollup-rows.ts, in SQL), plus its distinct
 * trainees and headcount, which are not additive and are counted apart. `headcount` is null when
 * the breakdown has none (course dimensions) or nothing was imported.
 */
export type TRollupSums = {
  trainees: number;
  headcount: number | null;
  enrolments: number;
  openedCompleted: number;
  completions: number;
  scoreSum: number;
  scoreCount: number;
  minutes: Readonly<Record<"ONLINE" | "IN_PERSON" | "HYBRID", number>>;
  satisfactionSum: number;
  satisfactionCount: number;
  followUpSum: number;
  followUpCount: number;
  trips: number;
  km: number;
  /** Mission costs avoided, euro cents, under the scales of the rollup's refresh. */
  missionCents: number;
  hoursPerDay: number;
};

/** The facts of one breakdown group; headcounts are null when the breakdown has none (course dimensions). */
export type TGroupFacts = Omit<TIndicatorFacts, "headcounts"> & { headcounts: TIndicatorFacts["headcounts"] | null };

export function isInPeriod(date: Date | null, period: { from: Date; to: Date }): date is Date {
  return date !== null && date >= period.from && date < period.to;
}

/**
 * Several indicators share intermediate results (trainees, minutes by modality...): computed
 * once per group of facts, not once per indicator (national scale, bench/indicators).
 */
export function memoizePerFacts<T>(compute: (facts: TGroupFacts) => T): (facts: TGroupFacts) => T {
  const cache = new WeakMap<TGroupFacts, T>();
  return (facts) => {
    if (!cache.has(facts)) cache.set(facts, compute(facts));
    return cache.get(facts)!;
  };
}

/** Enrolments completed in the period: the "completed trainings" of online and hybrid courses. */
export const completedInPeriod = memoizePerFacts((facts) =>
  facts.enrolments.filter((row) => row.status === "COMPLETED" && isInPeriod(row.completedAt, facts.period)),
);

/** Enrolments opened in the period that went ahead: neither refused nor still awaiting approval. */
export const openedInPeriod = memoizePerFacts((facts) =>
  facts.enrolments.filter(
    (row) => isInPeriod(row.enrolledAt, facts.period) && row.status !== "REFUSED" && row.status !== "PENDING_APPROVAL",
  ),
);

export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export function headcountTotal(facts: TGroupFacts): number | null {
  if (facts.headcounts === null) return null;
  const total = facts.headcounts.reduce((sum, row) => sum + row.count, 0);
  return total > 0 ? total : null;
}
