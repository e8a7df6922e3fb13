import { describe, expect, it } from "vitest";
import { createHandComputedDataSet } from "../indicators/hand-computed-data-set";
import { getOpenData, openDataToCsv, ZOpenDataQuery } from "./get-open-data";

describe("published open data (real database)", () => {
  it("publishes only aggregates, hides small cells and adds up to the total", async () => {
    await createHandComputedDataSet();
    const data = await getOpenData({ year: 2026, breakdown: "sex" });
    expect(Object.keys(data.cells[0]!).sort()).toEqual(["code", "hours", "labelEn", "labelFr", "suppressed", "trainees"]);
    for (const cell of data.cells) if (cell.trainees !== null) expect(cell.trainees).toBeGreaterThanOrEqual(5);
    if (data.total.trainees !== null) {
      const hidden = data.cells.filter((cell) => cell.trainees === null);
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
    const csv = openDataToCsv(data);
    expect(csv.split("\n")[0]).toBe("annee,ventilation,code,libelle,stagiaires,heures,secret");
    expect(csv).not.toMatch(/@test\.relais/);
  });

  it("refuses a bad query by naming the field, and an unpublished year", async () => {
    expect(ZOpenDataQuery.safeParse({ year: "soon", breakdown: "sex" }).error?.issues[0]?.message).toMatch(/year/);
    expect(ZOpenDataQuery.safeParse({ year: "2026", breakdown: "email" }).error?.issues[0]?.message).toMatch(/breakdown/);
    await expect(getOpenData({ year: 2001, breakdown: "sex" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
