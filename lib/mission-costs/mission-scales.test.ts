import { describe, expect, it } from "vitest";
import { missionCostCents, missionTravel } from "./mission-scales";

// Hand-computed with scales of 0.30 €/km, 17.50 € a meal, 80 € a night, staying from 100 km.
const SCALES = { kmAllowanceCents: 30, mealCents: 1750, overnightCents: 8000, overnightFromKm: 100 };

describe("mission costs under the scales (hand-computed)", () => {
  it("at the workplace nothing is owed", () => {
    expect(missionCostCents(0, 2, SCALES)).toBe(0);
  });

  it("below the overnight distance: a round trip and a meal each day", () => {
    // 40 km one way, 2 days: 2 × 40 × 2 = 160 km × 30 c = 4,800 c, + 2 meals × 1,750 c = 3,500 c → 83.00 €.
    expect(missionCostCents(40, 2, SCALES)).toBe(8300);
  });

  it("from the overnight distance: one round trip, a night per day, two meals a day", () => {
    // 120 km one way, 2 days: 240 km × 30 c = 7,200 c, + 4 meals = 7,000 c, + 2 nights = 16,000 c → 302.00 €.
    expect(missionCostCents(120, 2, SCALES)).toBe(30200);
    // Exactly at the threshold, 1 day: 200 km = 6,000 c + 2 meals 3,500 c + 1 night 8,000 c → 175.00 €.
    expect(missionCostCents(100, 1, SCALES)).toBe(17500);
  });

  it("counts the round trips and kilometres of the same model", () => {
    expect(missionTravel(40, 3, SCALES)).toEqual({ trips: 3, km: 240, cents: 240 * 30 + 3 * 1750 });
    // Staying: one round trip whatever the number of days.
    expect(missionTravel(120, 3, SCALES)).toEqual({ trips: 1, km: 240, cents: 240 * 30 + 6 * 1750 + 3 * 8000 });
    expect(missionTravel(0, 3, SCALES)).toEqual({ trips: 0, km: 0, cents: 0 });
  });
});
