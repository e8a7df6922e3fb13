import { describe, expect, it } from "vitest";
import { computePoolingFigures } from "./measures/pooling";

describe("pooling figures on a hand-computed data set", () => {
  it("shares hours by the content's institution and counts courses reused by two institutions or more", () => {
    // Agents of A: 120 min on A's content, 60 on B's. Agents of B: 90 on A's (an adaptation of A's course
    // counts as A's content), 30 on B's. Others' content: 60 + 90 = 150 of 300 minutes → 0.5.
    // Reuses: course X by B and C (2), course Y by B twice (adopted and adapted: 1), course Z by C (1) → 1 course.
    const figures = computePoolingFigures({
      hours: [
        { agentInstitutionId: "A", contentInstitutionId: "A", minutes: 120 },
        { agentInstitutionId: "A", contentInstitutionId: "B", minutes: 60 },
        { agentInstitutionId: "B", contentInstitutionId: "A", minutes: 90 },
        { agentInstitutionId: "B", contentInstitutionId: "B", minutes: 30 },
      ],
      reuses: [
        { courseId: "X", institutionId: "B" },
        { courseId: "X", institutionId: "C" },
        { courseId: "Y", institutionId: "B" },
        { courseId: "Y", institutionId: "B" },
        { courseId: "Z", institutionId: "C" },
      ],
    });
    expect(figures).toEqual({ shareOfHoursOnOthersContent: 0.5, coursesReusedByTwo: 1 });
  });

  it("has no share without hours (explained empty value, never NaN)", () => {
    expect(computePoolingFigures({ hours: [], reuses: [] })).toEqual({
      shareOfHoursOnOthersContent: null,
      coursesReusedByTwo: 0,
    });
  });
});
