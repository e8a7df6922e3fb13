import { describe, expect, it } from "vitest";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { computeOpenData, getPublishedOpenData, openDataToCsv, ZOpenDataQuery } from "./get-open-data";
import { publishOpenData } from "./publish-open-data";

describe("published open data (real database)", () => {
  it("publishes only aggregates, hides small cells and adds up to the total", async () => {
    await createHandComputedDataSet();
    const data = await computeOpenData({ year: 2026, breakdown: "sex" });
    expect(Object.keys(data.cells[0]!).sort()).toEqual([
      "code",
      "hours",
      "labelEn",
      "labelFr",
      "suppressed",
      "trainees",
    ]);
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
    expect(ZOpenDataQuery.safeParse({ year: "2026", breakdown: "email" }).error?.issues[0]?.message).toMatch(
      /breakdown/,
    );
    await expect(computeOpenData({ year: 2001, breakdown: "sex" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPublishedOpenData({ year: 2001, breakdown: "sex" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("publishing the open data", () => {
  it("the national administrator publishes a year; downloads serve that snapshot even after new data, until the next publication", async () => {
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    await createHandComputedDataSet();
    const { publishedAt } = await publishOpenData(admin, { year: 2026 });
    const first = await getPublishedOpenData({ year: 2026, breakdown: "region" });
    expect(first.publishedAt).toEqual(publishedAt);
    expect(first.cells.length).toBeGreaterThan(0);
    await createHandComputedDataSet(); // new trainings after publication
    const again = await getPublishedOpenData({ year: 2026, breakdown: "region" });
    expect(again).toEqual(first);
    expect(await db.auditLog.count({ where: { action: "opendata.published", actorId: admin.userId } })).toBe(1);
    await publishOpenData(admin, { year: 2026 });
    expect(
      (await getPublishedOpenData({ year: 2026, breakdown: "region" })).publishedAt.getTime(),
    ).toBeGreaterThanOrEqual(publishedAt.getTime());
  });

  it("only a national administrator publishes, and only an offered year", async () => {
    const data = await createHandComputedDataSet();
    const officer = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: data.a.id }],
    });
    await expect(publishOpenData(officer, { year: 2026 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    await expect(publishOpenData(admin, { year: 1999 })).rejects.toMatchObject({ code: "INVALID" });
  });
});
