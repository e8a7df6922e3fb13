import { describe, expect, it } from "vitest";
import { haversineKm } from "../sessions/geo";
import { rankSites, savingsByInstitution, travelKm } from "./travel-savings";

// Three places on the equator: 1° of longitude is 111.19 km there (haversine, R = 6371 km).
const A = { lat: 0, lng: 0 };
const B = { lat: 0, lng: 1 };
const C = { lat: 0, lng: 2 };
const DEG = haversineKm(A, B);

describe("travel savings of a pooled session (hand-computed)", () => {
  it("one degree of longitude on the equator is 111.19 km", () => {
    expect(DEG).toBeCloseTo(111.195, 2);
  });

  it("the site minimising the requesters' round trips wins; unknown workplaces count for nothing", () => {
    const requesters = [
      { institutionId: "i1", workplace: A, usualVenue: A },
      { institutionId: "i1", workplace: A, usualVenue: A },
      { institutionId: "i2", workplace: C, usualVenue: C },
      { institutionId: "i2", workplace: null, usualVenue: C },
    ];
    const sites = [
      { id: "sA", ...A },
      { id: "sB", ...B },
      { id: "sC", ...C },
    ];
    // To A: 2 × 0 + 2 × 0 + 2 × 2° = 4°; to B: 2 + 2 + 2 = 6°; to C: 4 + 4 + 0 = 8°.
    const { best, ranked } = rankSites(requesters, sites);
    expect(best?.id).toBe("sA");
    expect(ranked.map((row) => [row.site.id, row.km / DEG])).toEqual([
      ["sA", 4],
      ["sB", 6],
      ["sC", 8],
    ]);
    expect(travelKm(requesters, B, 2) / DEG).toBeCloseTo(12, 10);
  });

  it("per institution: kilometres and mission costs avoided against the usual venue (0.25 € per km, 20 € a meal)", () => {
    const requesters = [
      { institutionId: "far", workplace: B, usualVenue: C },
      { institutionId: "near", workplace: B, usualVenue: B },
      { institutionId: "none", workplace: A, usualVenue: null },
    ];
    // Staying the night only from 1,000 km: every trip here is a day trip with one meal.
    const scales = { kmAllowanceCents: 25, mealCents: 2000, overnightCents: 9000, overnightFromKm: 1000 };
    const rows = savingsByInstitution({ requesters, chosen: A, scales });
    const far = rows.find((row) => row.institutionId === "far")!;
    const near = rows.find((row) => row.institutionId === "near")!;
    const none = rows.find((row) => row.institutionId === "none")!;
    // far: usual 2 × 1° (B→C), chosen 2 × 1° (B→A): nothing avoided.
    expect(far.avoidedKm).toBeCloseTo(0, 10);
    expect(far.avoidedCost).toBeCloseTo(0, 10);
    // near: usual 0 (at the workplace: no mission), chosen 2 × 1° and one meal: −222.39 km and
    // −(222.39 × 0.25 + 20) = −75.60 € in mission costs.
    expect(near.avoidedKm / DEG).toBeCloseTo(-2, 10);
    expect(near.avoidedCost).toBeCloseTo(-(2 * DEG * 0.25 + 20), 10);
    expect(none).toMatchObject({ agents: 1, avoidedKm: 0, avoidedCost: 0 });
  });
});

describe("mission costs avoided with an overnight stay (hand-computed)", () => {
  it("an agent 2° away saves a night, two meals and the round trip when the session comes to their town", () => {
    const scales = { kmAllowanceCents: 30, mealCents: 1750, overnightCents: 8000, overnightFromKm: 150 };
    const [row] = savingsByInstitution({
      requesters: [{ institutionId: "i", workplace: C, usualVenue: A }],
      chosen: { lat: 0, lng: 2 },
      scales,
    });
    // Usual venue A, 222.39 km one way ≥ 150: 2 × 222.39 km × 0.30 + 2 meals × 17.50 + 1 night × 80 = 248.43 €.
    expect(row!.avoidedCost).toBeCloseTo((2 * 2 * DEG * 30 + 2 * 1750 + 8000) / 100, 6);
    expect(row!.avoidedCost).toBeCloseTo(248.43, 2);
  });
});
