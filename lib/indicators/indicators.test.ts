import { beforeAll, describe, expect, it } from "vitest";
import { createUserWithRoles } from "../../testing/fixtures";
import { computeIndicators, type TFigures } from "./compute-indicators";
import { getIndicatorDashboard } from "./get-indicator-dashboard";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { loadIndicatorFacts } from "./load-indicator-facts";
import { periodOf } from "./scope";
import { DEFAULT_MISSION_SCALES, type TMissionScales } from "../mission-costs/mission-scales";

// March 2026; the data set and each figure's arithmetic are in hand-computed-data-set.ts and below.
const MARCH = periodOf({ from: "2026-03-01", to: "2026-03-31" });
const KM_01_DEGREE = 11.119492664; // 0.1° of latitude on a 6,371 km sphere

let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  data = await createHandComputedDataSet();
});

/** The figures under given mission-cost scales (the defaults unless said): never the national row another test may change. */
async function compute(
  breakdown: Parameters<typeof computeIndicators>[1],
  period = MARCH,
  missionScales: TMissionScales = DEFAULT_MISSION_SCALES,
) {
  const facts = await loadIndicatorFacts({ institutionIds: [data.a.id, data.b.id], period });
  return computeIndicators({ ...facts, missionScales }, breakdown);
}

describe("every national indicator on a hand-computed data set (real database)", () => {
  it("totals for March 2026", async () => {
    const { total } = await compute("none");
    // trainees: e1 (u1), e2 (u2), e3 (u3) completed in March + u1, u3 present in March = {u1, u2, u3}
    expect(total.trainees).toBe(3);
    // headcounts 2026: 10 + 10 + 5 + 15 (the 1,000 of 2025 ignored)
    expect(total.agentsInPost).toBe(40);
    expect(total.accessRate).toBeCloseTo(3 / 40, 10); // 0.075
    // opened in March: e1, e3, e4, e6 (e2 in February, e5 refused)
    expect(total.enrolments).toBe(4);
    // completed in March: e1, e2, e3 (e7 in February)
    expect(total.completions).toBe(3);
    // of e1, e3, e4, e6: e1 and e3 completed
    expect(total.completionRate).toBe(0.5);
    // online: e1 120 + e2 120 = 240 min; in person: u1 180 + 210, u3 180 = 570 min;
    // hybrid: e3 online part 180 + u3's slot 180 = 360 min; 1,170 min = 19.5 h
    expect(total.trainingHours).toBe(19.5);
    expect(total.trainingDays).toBe(3.25); // 19.5 / 6
    expect(total.hoursPerAgent).toBeCloseTo(19.5 / 40, 10); // 0.4875
    expect(total.averageScore).toBeCloseTo(0.7, 10); // (0.8 + 0.6) / 2, e3 not assessed
    expect(total.shareONLINE).toBeCloseTo(240 / 1170, 10);
    expect(total.shareIN_PERSON).toBeCloseTo(570 / 1170, 10);
    expect(total.shareHYBRID).toBeCloseTo(360 / 1170, 10);
    expect(total.satisfaction).toBe(3.75); // (4.5 + 3) / 2; u3's April answer excluded
    expect(total.effectiveness).toBe(3); // (4 + 2) / 2
    expect(total.surveyResponses).toBe(3);
    // online trips: e1, e2, e3 each ≤ 6 h → 1 day → 3 trips
    expect(total.tripsAvoided).toBe(3);
    // km: e1 2 × 0.1° (u1 → site B) + e2 2 × 25 + e3 2 × 25
    //     + u1's day at site B: 2 × (0.2° to institution A's site − 11.1 travelled)
    const km = 2 * KM_01_DEGREE + 50 + 50 + 2 * (2 * KM_01_DEGREE - 11.1);
    expect(total.kmAvoided).toBeCloseTo(km, 6); // ≈ 144.517
    // Default scales (0.25 €/km, 20 € a meal, staying from 150 km): every trip is a day's return
    // trip, so 0.25 € per km avoided and one meal per trip avoided; u1's day saves only kilometres
    // (a meal either way).
    expect(total.missionCostsAvoided).toBeCloseTo(km * 0.25 + 3 * 20, 6); // ≈ 96.13
  });

  it("travel and mission costs under other scales: agents stay from 20 km", async () => {
    // 0.30 €/km, 15 € a meal, 80 € a night, staying from 20 km one way.
    const scales = { kmAllowanceCents: 30, mealCents: 1500, overnightCents: 8000, overnightFromKm: 20 };
    const { total } = await compute("none", MARCH, scales);
    // e1: u1 → site B 0.1° (11.12 km), a day's return trip: 22.24 km × 30 c + 1 meal.
    const e1 = 2 * KM_01_DEGREE * 30 + 1500;
    // e2, e3: 25 km (workplace unknown) ≥ 20 km: a stay: 50 km × 30 c + 2 meals + 1 night = 12,500 c each.
    const stay25 = 50 * 30 + 2 * 1500 + 8000;
    // u1's day at site B (11.1 km, a return trip) instead of institution A's site (0.2°, 22.24 km,
    // a stay): (44.48 km × 30 c + 2 meals + 1 night) − (22.2 km × 30 c + 1 meal).
    const u1Day = 4 * KM_01_DEGREE * 30 + 2 * 1500 + 8000 - (22.2 * 30 + 1500);
    expect(total.missionCostsAvoided).toBeCloseTo((e1 + 2 * stay25 + u1Day) / 100, 6); // ≈ 373.36
    expect(total.tripsAvoided).toBe(3); // one-day trainings: one round trip each, stay or not
    expect(total.kmAvoided).toBeCloseTo(2 * KM_01_DEGREE + 50 + 50 + (4 * KM_01_DEGREE - 22.2), 6);
  });

  it("by region", async () => {
    const { rows } = await compute("region");
    const r1 = rows.find((row) => row.key === data.r1.id)!.figures;
    const r2 = rows.find((row) => row.key === data.r2.id)!.figures;
    // R1 = institution A: u1, u2; headcount 20
    expect(r1).toMatchObject({
      trainees: 2,
      agentsInPost: 20,
      accessRate: 0.1,
      enrolments: 2,
      completions: 2,
      completionRate: 0.5,
    });
    expect(r1.trainingHours).toBe(10.5); // u1 390 + e1 120 + e2 120 = 630 min
    expect(r1.hoursPerAgent).toBeCloseTo(10.5 / 20, 10);
    // R2 = institution B: u3 (u4 not trained); headcount 20
    expect(r2).toMatchObject({
      trainees: 1,
      agentsInPost: 20,
      accessRate: 0.05,
      enrolments: 2,
      completions: 1,
      completionRate: 0.5,
    });
    expect(r2.trainingHours).toBe(9); // u3 180 + 180 + e3 180 = 540 min
    expect(r2.averageScore).toBeNull(); // e3 not assessed
  });

  it("by sex and by staff category (headcount denominators follow the breakdown)", async () => {
    const bySex = Object.fromEntries((await compute("sex")).rows.map((row) => [row.key, row.figures]));
    expect(bySex.FEMALE).toMatchObject({ trainees: 1, agentsInPost: 25, accessRate: 0.04 }); // u1 / (10 + 15)
    expect(bySex.MALE).toMatchObject({ trainees: 1, agentsInPost: 10, accessRate: 0.1 }); // u2 / 10
    expect(bySex.NOT_RECORDED).toMatchObject({ trainees: 1, agentsInPost: 5, accessRate: 0.2 }); // u3 / 5
    const byCategory = Object.fromEntries((await compute("staffCategory")).rows.map((row) => [row.key, row.figures]));
    expect(byCategory.A).toMatchObject({ trainees: 1, agentsInPost: 25 }); // u1 (u4 untrained)
    expect(byCategory.C).toMatchObject({ trainees: 1, trainingHours: 9 });
  });

  it("by modality, training type and theme: no headcount, so no access rate", async () => {
    const byModality = Object.fromEntries((await compute("modality")).rows.map((row) => [row.key, row.figures]));
    expect(byModality.ONLINE).toMatchObject({ trainees: 2, trainingHours: 4, accessRate: null, shareONLINE: 1 });
    expect(byModality.IN_PERSON).toMatchObject({ trainees: 2, trainingHours: 9.5 });
    expect(byModality.HYBRID).toMatchObject({ trainees: 1, trainingHours: 6, completionRate: 0.5 }); // e3 done, e6 cancelled
    const byType = Object.fromEntries((await compute("trainingType")).rows.map((row) => [row.key, row.figures]));
    expect(byType.STATUTORY).toMatchObject({ trainees: 2, trainingHours: 9.5, enrolments: 0, completionRate: null });
    const byTheme = (await compute("theme")).rows;
    expect(byTheme).toHaveLength(1);
    expect(byTheme[0]!.figures.trainingHours).toBe(19.5);
  });

  it("an empty period gives zeros and explained nulls, never NaN or Infinity", async () => {
    const result = await compute("region", periodOf({ from: "2020-01-01", to: "2020-12-31" }));
    expect(result.isEmpty).toBe(true);
    expect(result.total).toMatchObject({
      trainees: 0,
      trainingHours: 0,
      accessRate: null,
      completionRate: null,
      averageScore: null,
      satisfaction: null,
      shareONLINE: null,
    });
    const everyFigure = [result.total, ...result.rows.map((row) => row.figures)].flatMap((figures: TFigures) =>
      Object.values(figures),
    );
    for (const value of everyFigure) expect(value === null || Number.isFinite(value)).toBe(true);
  });
});

describe("who may read which indicators", () => {
  it("a training officer reads their institution and is refused another one", async () => {
    const officerA = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: data.a.id }],
    });
    const own = await getIndicatorDashboard(officerA, { from: "2026-03-01", to: "2026-03-31", breakdown: "none" });
    expect(own.total.trainees).toBe(2); // u1, u2 only: institution B's agents are not counted
    await expect(
      getIndicatorDashboard(officerA, {
        from: "2026-03-01",
        to: "2026-03-31",
        breakdown: "none",
        institutionId: data.b.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("an agent is refused; a national administrator reads any institution", async () => {
    const agent = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "AGENT", institutionId: data.a.id }],
    });
    await expect(
      getIndicatorDashboard(agent, { from: "2026-03-01", to: "2026-03-31", breakdown: "none" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await createUserWithRoles({ roles: [{ role: "NATIONAL_ADMIN" }] });
    const b = await getIndicatorDashboard(admin, {
      from: "2026-03-01",
      to: "2026-03-31",
      breakdown: "none",
      institutionId: data.b.id,
    });
    expect(b.total.trainees).toBe(1);
  });
});
