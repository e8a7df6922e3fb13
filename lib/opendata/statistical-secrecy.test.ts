import { describe, expect, it } from "vitest";
import { indicatorFacts } from "../../testing/indicator-facts";
import type { TAgentDims, TEnrolmentFact, TIndicatorFacts } from "../indicators/types";
import { applyStatisticalSecrecy, type TPublishedTable, type TRawCell } from "./apply-statistical-secrecy";
import { buildRawCells } from "./build-raw-cells";

// A crafted year: regions with few trainees, a region dominated by one institution, and a
// region whose trainees would be recomputable from the total if only primary secrecy applied.
const REGIONS = ["R-big", "R-mid", "R-dom", "R-small", "R-tiny", "R-empty"];
const PEOPLE: { region: string; institution: string; count: number }[] = [
  { region: "R-big", institution: "I1", count: 20 },
  { region: "R-big", institution: "I2", count: 15 },
  { region: "R-mid", institution: "I3", count: 6 },
  { region: "R-mid", institution: "I4", count: 5 },
  { region: "R-dom", institution: "I5", count: 18 }, // 18 / 19 > 85 %: dominance
  { region: "R-dom", institution: "I6", count: 1 },
  { region: "R-small", institution: "I7", count: 2 }, // < 5: threshold
  { region: "R-small", institution: "I8", count: 1 },
  { region: "R-tiny", institution: "I9", count: 1 },
];

function craftedFacts(): TIndicatorFacts {
  const period = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") };
  const enrolments: TEnrolmentFact[] = [];
  let n = 0;
  for (const group of PEOPLE) {
    for (let i = 0; i < group.count; i++) {
      n++;
      const agent: TAgentDims = {
        institutionId: group.institution,
        regionId: group.region,
        staffCategory: n % 3 === 0 ? "A" : "B",
        population: "ADMIN_TECHNICAL",
        sex: n % 2 === 0 ? "FEMALE" : "MALE",
      };
      // Every agent completed one 3-hour online course; every seventh a second one.
      for (let course = 0; course < (n % 7 === 0 ? 2 : 1); course++) {
        enrolments.push({
          userId: `u${n}`,
          agent,
          course: { modality: "ONLINE", trainingType: "T1_ADAPT_POST", themeId: "t" },
          status: "COMPLETED",
          enrolledAt: new Date("2026-02-01T00:00:00Z"),
          completedAt: new Date("2026-03-01T00:00:00Z"),
          scaledScore: null,
          declaredMinutes: 180,
          nearestSiteKm: null,
        });
      }
    }
  }
  return indicatorFacts({ period, enrolments, headcountYear: 2026 });
}

/**
 * The attacker: knows every published cell and the total, and that each cell is a non-negative
 * whole number of people. Enumerates every assignment of the hidden cells consistent with that
 * and returns, for each hidden cell, the set of values it could take.
 */
function possibleValues(table: TPublishedTable): Map<string, Set<number>> {
  const hidden = table.cells.filter((cell) => cell.people === null).map((cell) => cell.key);
  const remainder = table.total.people! - table.cells.reduce((sum, cell) => sum + (cell.people ?? 0), 0);
  const possible = new Map(hidden.map((key) => [key, new Set<number>()]));
  const assign = (index: number, left: number, values: number[]) => {
    if (index === hidden.length - 1) {
      [...values, left].forEach((value, position) => possible.get(hidden[position]!)!.add(value));
      return;
    }
    for (let value = 0; value <= left; value++) assign(index + 1, left - value, [...values, value]);
  };
  if (hidden.length > 0) assign(0, remainder, []);
  return possible;
}

describe("statistical secrecy on a crafted data set", () => {
  const facts = craftedFacts();
  const raw = buildRawCells(facts, "region", REGIONS);
  const table = applyStatisticalSecrecy(raw);
  const cell = (key: string) => table.cells.find((row) => row.key === key)!;

  it("applies the threshold, dominance and secondary rules", () => {
    expect(table.total.people).toBe(69);
    expect(cell("R-big")).toMatchObject({ people: 35, suppressed: null });
    expect(cell("R-dom").suppressed).toBe("dominance");
    expect(cell("R-small").suppressed).toBe("threshold");
    expect(cell("R-tiny").suppressed).toBe("threshold");
    expect(cell("R-empty").suppressed).toBe("threshold");
    // Hidden so far: 19 + 3 + 1 + 0 = 23 people in 4 cells — enough, so R-mid stays published.
    expect(cell("R-mid")).toMatchObject({ people: 11, suppressed: null });
  });

  it("no published cell breaks a primary rule", () => {
    for (const published of table.cells.filter((row) => row.suppressed === null)) {
      const contributions = Object.values(raw.find((row) => row.key === published.key)!.byInstitution);
      expect(published.people).toBeGreaterThanOrEqual(5);
      for (const contribution of contributions) {
        expect(contribution.people / published.people!).toBeLessThanOrEqual(0.85);
        expect(contribution.hours / published.hours!).toBeLessThanOrEqual(0.85);
      }
    }
  });

  it("no suppressed value can be recomputed from the published cells and the total", () => {
    const possible = possibleValues(table);
    expect(possible.size).toBeGreaterThanOrEqual(2);
    for (const [key, values] of possible) {
      const truth = buildRawCells(facts, "region", [key])[0]!;
      const truePeople = Object.values(truth.byInstitution).reduce((sum, value) => sum + value.people, 0);
      expect(values.has(truePeople), key).toBe(true); // the attacker's model is right...
      expect(values.size, key).toBeGreaterThan(1); // ...but cannot single the value out
    }
    // Hours: the hidden cells share total − published hours; with two or more unknowns, each one is undetermined.
    const hiddenHours = table.total.hours! - table.cells.reduce((sum, row) => sum + (row.hours ?? 0), 0);
    expect(hiddenHours).toBeGreaterThan(0);
  });

  it("secondary suppression is what protects a lone suppressed cell", () => {
    // Only R-tiny below the threshold: primary secrecy alone would let total − others reveal it.
    const cells: TRawCell[] = [
      { key: "a", byInstitution: { I1: { people: 10, hours: 30 }, I2: { people: 10, hours: 30 } } },
      { key: "b", byInstitution: { I3: { people: 4, hours: 12 }, I4: { people: 4, hours: 12 } } },
      { key: "c", byInstitution: { I5: { people: 2, hours: 6 } } },
      { key: "d", byInstitution: { I6: { people: 5, hours: 15 }, I7: { people: 5, hours: 15 } } },
    ];
    const protectedTable = applyStatisticalSecrecy(cells);
    expect(protectedTable.cells.map((row) => row.suppressed)).toEqual([null, "secondary", "threshold", null]);
    const possible = possibleValues(protectedTable);
    expect(possible.get("c")!.size).toBeGreaterThan(1);
    // Without the secondary rule the lone cell is recomputed exactly: the attack is real.
    const primaryOnly: TPublishedTable = {
      ...protectedTable,
      cells: protectedTable.cells.map((row, index) =>
        row.key === "b" ? { ...row, people: 8, hours: 24, suppressed: null } : protectedTable.cells[index]!,
      ),
    };
    expect([...possibleValues(primaryOnly).get("c")!]).toEqual([2]);
  });

  it("a total below the threshold withholds the whole table; a threshold below 3 is refused", () => {
    const small = applyStatisticalSecrecy([
      { key: "a", byInstitution: { I1: { people: 2, hours: 4 }, I2: { people: 2, hours: 4 } } },
    ]);
    expect(small.total.people).toBeNull();
    expect(small.cells.every((row) => row.suppressed === "total")).toBe(true);
    expect(() => applyStatisticalSecrecy([], { threshold: 2 })).toThrow(/below 3/);
  });

  it("every breakdown of the crafted year resists the same attack", () => {
    for (const [breakdown, keys] of [
      ["sex", ["FEMALE", "MALE", "NOT_RECORDED"]],
      ["staffCategory", ["A", "B", "C", "NOT_RECORDED"]],
    ] as const) {
      const published = applyStatisticalSecrecy(buildRawCells(facts, breakdown, keys));
      for (const values of possibleValues(published).values()) expect(values.size).toBeGreaterThan(1);
    }
  });
});
