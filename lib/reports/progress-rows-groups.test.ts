import { beforeAll, describe, expect, it } from "vitest";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { createUserWithRoles } from "../../testing/fixtures";
import { getIndicatorDashboard } from "../indicators/get-indicator-dashboard";
import { parseDashboardParams } from "../indicators/parse-dashboard-params";
import { BREAKDOWNS } from "../indicators/types";
import { listProgressRows, type TProgressRow } from "./list-progress-rows";

// A dashboard's bar or row leads to the rows behind it (issue 14, "dashboards that agree with
// themselves"): the drill-down of a group must hold exactly what that group's figures count.
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  data = await createHandComputedDataSet();
});

const officerOf = (institutionId: string) =>
  createUserWithRoles({ institutionId, roles: [{ role: "TRAINING_OFFICER", institutionId }] });

/** The trainees figure read back from rows: distinct agents who completed in the period or attended. */
function traineesOf(rows: TProgressRow[]): number {
  const isTrained = (row: TProgressRow) =>
    row.status === "ATTENDED" ||
    (row.status === "COMPLETED" && row.completedAt !== null && row.completedAt.toISOString().slice(0, 10) <= MARCH.to);
  return new Set(rows.filter(isTrained).map((row) => row.agentEmail)).size;
}

describe("drill-down rows of one group of a breakdown (real database)", () => {
  for (const breakdown of BREAKDOWNS.filter((item) => item !== "none")) {
    it(`${breakdown}: each group's rows give back its trainees and hours, and the groups share out all the rows`, async () => {
      for (const institution of [data.a, data.b]) {
        const officer = await officerOf(institution.id);
        const dashboard = await getIndicatorDashboard(officer, { ...MARCH, breakdown });
        const all = await listProgressRows(officer, { filters: { ...MARCH, breakdown }, action: "indicators.read" });
        expect(dashboard.rows.length).toBeGreaterThan(0);
        let rowsInGroups = 0;
        for (const group of dashboard.rows) {
          const rows = await listProgressRows(officer, {
            filters: { ...MARCH, breakdown, group: group.key },
            action: "indicators.read",
          });
          expect(traineesOf(rows), `${breakdown} ${group.key}`).toBe(group.figures.trainees);
          expect(rows.reduce((sum, row) => sum + row.hours, 0)).toBeCloseTo(group.figures.trainingHours ?? 0, 6);
          rowsInGroups += rows.length;
        }
        // Every row falls in exactly one group.
        expect(rowsInGroups).toBe(all.length);
      }
    });
  }

  it("another institution's id as a group finds nothing: the actor's scope still applies", async () => {
    const officerA = await officerOf(data.a.id);
    const rows = await listProgressRows(officerA, {
      filters: { ...MARCH, breakdown: "institution", group: data.b.id },
      action: "indicators.read",
    });
    expect(rows).toEqual([]);
  });

  it("a group the breakdown cannot have, or a group without a breakdown, is refused with its message key", () => {
    for (const params of [
      { ...MARCH, breakdown: "staffCategory", group: "Z" },
      { ...MARCH, breakdown: "sex", group: "A" },
      { ...MARCH, group: "A" },
    ]) {
      const parsed = parseDashboardParams(params);
      expect(parsed.error?.details).toMatchObject({ messageKey: "indicators.filterErrors.group", field: "group" });
      expect(parsed.filters.group).toBeUndefined();
    }
    expect(parseDashboardParams({ ...MARCH, breakdown: "staffCategory", group: "NOT_RECORDED" }).error).toBeUndefined();
  });
});
