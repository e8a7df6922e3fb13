import { indicatorFacts } from "../../testing/indicator-facts";
import { describe, expect, it } from "vitest";
import type { TEnrolmentFact } from "./types";
import { computeMonthlySeries } from "./compute-monthly-series";

const agent = {
  institutionId: "i",
  regionId: "r",
  staffCategory: "A" as const,
  population: "CONTRACT" as const,
  sex: "MALE" as const,
};
const course = { modality: "ONLINE" as const, trainingType: "STATUTORY" as const, themeId: "t" };
const completed = (userId: string, iso: string): TEnrolmentFact => ({
  userId,
  agent,
  course,
  status: "COMPLETED",
  enrolledAt: new Date("2025-12-01T00:00:00Z"),
  completedAt: new Date(iso),
  scaledScore: null,
  declaredMinutes: 90,
  nearestSiteKm: null,
});

describe("monthly series", () => {
  it("applies the definitions to each month; empty months are zeros", () => {
    const facts = indicatorFacts({
      period: { from: new Date("2026-01-15T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") },
      enrolments: [
        completed("u1", "2026-01-20T10:00:00Z"),
        completed("u1", "2026-03-02T10:00:00Z"),
        completed("u2", "2026-03-30T10:00:00Z"),
        completed("u3", "2026-01-10T10:00:00Z"),
      ],
    });
    // January from the 15th: u1 (u3 on the 10th is before the period); February: nobody; March: u1, u2 → 2 × 1.5 h
    expect(computeMonthlySeries(facts)).toEqual([
      { month: "2026-01", trainees: 1, hours: 1.5 },
      { month: "2026-02", trainees: 0, hours: 0 },
      { month: "2026-03", trainees: 2, hours: 3 },
    ]);
  });
});
