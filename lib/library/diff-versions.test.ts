import { describe, expect, it } from "vitest";
import { diffVersions, type TComparedVersion } from "./diff-versions";

const activity = (key: string, title: string, content: unknown = { text: title }) => ({
  key,
  kind: "LESSON",
  title,
  titleEn: null,
  isRequired: true,
  content,
  videoAssetId: null,
  fileId: null,
});

const base: TComparedVersion = {
  title: "Accueillir le public",
  titleEn: null,
  summary: "Résumé",
  summaryEn: null,
  objectives: "Objectifs",
  objectivesEn: null,
  declaredDurationMinutes: 60,
  completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
  modules: [{ activities: [activity("a", "Lecture 1"), activity("b", "Lecture 2")] }],
};

describe("diffVersions: what an adapter sees changed upstream", () => {
  it("reports nothing for the same content, whatever the order of the JSON keys", () => {
    const same = {
      ...base,
      completionRules: { minimumMinutes: 0, quizPassRequired: true, requiredActivities: "all" },
    };
    expect(diffVersions(base, same)).toEqual([]);
  });

  it("names the fields changed and the activities added, changed and removed, matched by key", () => {
    const after: TComparedVersion = {
      ...base,
      title: "Accueillir tous les publics",
      declaredDurationMinutes: 90,
      modules: [
        { activities: [activity("a", "Lecture 1", { text: "nouveau" })] },
        { activities: [activity("c", "Quiz")] },
      ],
    };
    expect(diffVersions(base, after)).toEqual([
      { kind: "title" },
      { kind: "duration" },
      { kind: "activityChanged", title: "Lecture 1" },
      { kind: "activityAdded", title: "Quiz" },
      { kind: "activityRemoved", title: "Lecture 2" },
    ]);
  });
});
