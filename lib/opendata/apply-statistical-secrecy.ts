/**
 * Statistical secrecy for one published table (a year × one breakdown), docs/ARCHITECTURE.md:
 * 1. threshold: a cell built from fewer than N people is suppressed (N = 5 by default; official
 *    statistics use 3 as the floor, so lower values are refused). Empty cells too: publishing
 *    zeros would let a reader narrow the other suppressed cells down.
 * 2. dominance: a cell where one institution weighs more than 85 % (of its people or its hours)
 *    is suppressed, since that institution could recognise the rest as the other contributors.
 * 3. secondary suppression: the total is published, so the suppressed cells add up to
 *    total − published cells. If that sum covers a single cell, or fewer than N people, more
 *    cells are suppressed (smallest first) until at least two cells and N people are hidden
 *    together: then each hidden cell can be anything from 0 to that sum.
 * When the total itself fails rule 1 or 2, the whole table is withheld.
 */
export const SECRECY_DEFAULTS = { threshold: 5, dominance: 0.85 } as const;
export const OFFICIAL_THRESHOLD_FLOOR = 3;

export type TContribution = { people: number; hours: number };
export type TRawCell = { key: string; byInstitution: Record<string, TContribution> };
export type TSuppression = "threshold" | "dominance" | "secondary" | "total";
export type TPublishedCell = {
  key: string;
  people: number | null;
  hours: number | null;
  suppressed: TSuppression | null;
};
export type TPublishedTable = { cells: TPublishedCell[]; total: { people: number | null; hours: number | null } };

function sumOf(byInstitution: Record<string, TContribution>): TContribution {
  const values = Object.values(byInstitution);
  return {
    people: values.reduce((sum, value) => sum + value.people, 0),
    hours: values.reduce((sum, value) => sum + value.hours, 0),
  };
}

function primaryReason(
  byInstitution: Record<string, TContribution>,
  options: { threshold: number; dominance: number },
): TSuppression | null {
  const { people, hours } = sumOf(byInstitution);
  if (people < options.threshold) return "threshold";
  const dominated = Object.values(byInstitution).some(
    (value) => value.people > options.dominance * people || (hours > 0 && value.hours > options.dominance * hours),
  );
  return dominated ? "dominance" : null;
}

export function applyStatisticalSecrecy(
  rawCells: TRawCell[],
  options: Partial<{ threshold: number; dominance: number }> = {},
): TPublishedTable {
  const settings = { ...SECRECY_DEFAULTS, ...options };
  if (settings.threshold < OFFICIAL_THRESHOLD_FLOOR)
    throw new Error(`The secrecy threshold may not be below ${OFFICIAL_THRESHOLD_FLOOR}.`);
  const sums = rawCells.map((cell) => ({ key: cell.key, ...sumOf(cell.byInstitution) }));
  const totalByInstitution: Record<string, TContribution> = {};
  for (const cell of rawCells) {
    for (const [institution, value] of Object.entries(cell.byInstitution)) {
      const current = (totalByInstitution[institution] ??= { people: 0, hours: 0 });
      current.people += value.people;
      current.hours += value.hours;
    }
  }
  const total = sumOf(totalByInstitution);
  if (primaryReason(totalByInstitution, settings) !== null) {
    return {
      cells: sums.map((cell) => ({ key: cell.key, people: null, hours: null, suppressed: "total" })),
      total: { people: null, hours: null },
    };
  }
  const reasons = new Map<string, TSuppression | null>(
    rawCells.map((cell) => [cell.key, primaryReason(cell.byInstitution, settings)]),
  );
  const hidden = () => sums.filter((cell) => reasons.get(cell.key) !== null);
  const needsMore = () => {
    const cells = hidden();
    return (
      cells.length > 0 && (cells.length < 2 || cells.reduce((sum, cell) => sum + cell.people, 0) < settings.threshold)
    );
  };
  while (needsMore()) {
    const candidates = sums
      .filter((cell) => reasons.get(cell.key) === null)
      .sort((a, b) => a.people - b.people || a.hours - b.hours);
    const next = candidates[0];
    if (!next) break; // every cell is hidden: only the total (≥ N, not dominated) is published
    reasons.set(next.key, "secondary");
  }
  return {
    cells: sums.map((cell) => {
      const suppressed = reasons.get(cell.key) ?? null;
      return suppressed
        ? { key: cell.key, people: null, hours: null, suppressed }
        : { key: cell.key, people: cell.people, hours: cell.hours, suppressed: null };
    }),
    total: { people: total.people, hours: total.hours },
  };
}
