import { describe, expect, it } from "vitest";
import type { TMissionScales } from "../../mission-costs/mission-scales";
import { indicatorFacts } from "../../../testing/indicator-facts";
import { computeIndicators } from "../compute-indicators";
import { periodOf } from "../scope";
import type { TAgentDims, TAttendanceFact, TEnrolmentFact, TIndicatorFacts } from "../types";

// 0.25 €/km, 20 € a meal, 90 € a night, staying from 150 km one way (hand-computed below).
const SCALES: TMissionScales = { kmAllowanceCents: 25, mealCents: 2000, overnightCents: 9000, overnightFromKm: 150 };
const AGENT: TAgentDims = {
  institutionId: "i",
  regionId: "r",
  staffCategory: "A",
  population: "CONTRACT",
  sex: "FEMALE",
};

// One agent at a three-day session (two days in March, one in April), 30 km from the site; the
// organising institution's nearest site is 200 km away, where the agent would have stayed.
const day = (date: string): TAttendanceFact => ({
  userId: "u",
  agent: AGENT,
  course: { modality: "IN_PERSON", trainingType: "STATUTORY", themeId: "t" },
  sessionId: "s",
  startsAt: new Date(`${date}T09:00:00Z`),
  minutes: 180,
  distanceKm: 30,
  referenceKm: 200,
  sessionDaysAttended: 3,
});
// A 10-hour hybrid module completed in March, 160 km from the nearest relay site: two days (6 h a day).
const online: TEnrolmentFact = {
  userId: "u",
  agent: AGENT,
  course: { modality: "HYBRID", trainingType: "T1_ADAPT_POST", themeId: "t" },
  status: "COMPLETED",
  enrolledAt: new Date("2026-03-01T10:00:00Z"),
  completedAt: new Date("2026-03-20T10:00:00Z"),
  scaledScore: null,
  declaredMinutes: 600,
  nearestSiteKm: 160,
};

function factsOf(period: { from: string; to: string }, attendances: TAttendanceFact[]): TIndicatorFacts {
  return indicatorFacts({ period: periodOf(period), enrolments: [online], attendances, missionScales: SCALES });
}

describe("travel avoided under the mission-cost scales (hand-computed)", () => {
  it("an online training far away avoids a stay, not a return trip each day", () => {
    const { total } = computeIndicators(factsOf({ from: "2026-03-01", to: "2026-03-31" }, []), "none");
    // 160 km ≥ 150: one round trip (320 km), 2 nights, 4 meals: 8,000 + 18,000 + 8,000 c = 340 €.
    expect(total).toMatchObject({ tripsAvoided: 1, kmAvoided: 320, missionCostsAvoided: 340 });
  });

  it("a session's saving is spread over its days: a period counts the days it holds", () => {
    // Usual venue, a stay: 400 km + 6 meals + 3 nights = 10,000 + 12,000 + 27,000 c = 490 €.
    // Site attended, daily: 3 × 60 km = 180 km + 3 meals = 4,500 + 6,000 c = 105 €.
    // Saving: 220 km and 385 €, a third per day.
    const days = [day("2026-03-30"), day("2026-03-31")];
    const march = computeIndicators(factsOf({ from: "2026-03-01", to: "2026-03-31" }, days), "none").total;
    expect(march.kmAvoided).toBeCloseTo(320 + (2 * 220) / 3, 9);
    expect(march.missionCostsAvoided).toBeCloseTo(340 + (2 * 385) / 3, 9);
    const april = computeIndicators(factsOf({ from: "2026-04-01", to: "2026-04-30" }, [day("2026-04-01")]), "none");
    // The online module is not April's; the third day is.
    expect(april.total.kmAvoided).toBeCloseTo(220 / 3, 9);
    expect(april.total.missionCostsAvoided).toBeCloseTo(385 / 3, 9);
  });

  it("two half-days of one day count once; an unknown distance saves nothing", () => {
    const morning = day("2026-03-30");
    const afternoon = { ...morning, startsAt: new Date("2026-03-30T13:30:00Z") };
    const once = computeIndicators(factsOf({ from: "2026-03-01", to: "2026-03-31" }, [morning, afternoon]), "none");
    expect(once.total.missionCostsAvoided).toBeCloseTo(340 + 385 / 3, 9);
    const unknown = computeIndicators(
      factsOf({ from: "2026-03-01", to: "2026-03-31" }, [{ ...morning, distanceKm: null }]),
      "none",
    );
    expect(unknown.total.missionCostsAvoided).toBe(340);
  });
});
