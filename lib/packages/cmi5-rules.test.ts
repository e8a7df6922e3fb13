import { describe, expect, it } from "vitest";
import { newlySatisfied, readCmi5Progress } from "./cmi5-progress";
import { applyCmi5StatementRules, type TCmi5SessionFacts } from "./cmi5-statement-rules";
import { CMI5_CATEGORY, CMI5_EXTENSION, CMI5_VERB } from "./cmi5-vocabulary";
import type { TCmi5Au } from "./parse-package-manifest";

const actor = { objectType: "Agent", account: { homePage: "https://example.org", name: "learner" } };
const facts: TCmi5SessionFacts = {
  sessionId: "6f1d8f30-0000-4000-8000-000000000001",
  registration: "6f1d8f30-0000-4000-8000-000000000002",
  activityId: "https://relais.test/xapi/activities/cmi5/p/aus/0",
  actorIfi: "account:https://example.org learner",
  launchMode: "Normal",
  masteryScore: 0.8,
  hasReadLearnerPreferences: true,
  isInitialized: true,
  isTerminated: false,
  isCompleted: false,
  isPassed: false,
  hasFailed: false,
};
const raw = { hasId: true, hasTimestamp: true };

function statement(
  verb: keyof typeof CMI5_VERB,
  options: { result?: object; moveOn?: boolean; extensions?: object } = {},
) {
  return {
    id: "6f1d8f30-0000-4000-8000-000000000003",
    timestamp: "2026-12-01T10:00:00.000Z",
    actor,
    verb: { id: CMI5_VERB[verb] },
    object: { id: facts.activityId },
    result: options.result,
    context: {
      registration: facts.registration,
      contextActivities: {
        category: [{ id: CMI5_CATEGORY.cmi5 }, ...(options.moveOn ? [{ id: CMI5_CATEGORY.moveOn }] : [])],
      },
      extensions: { [CMI5_EXTENSION.sessionId]: facts.sessionId, ...options.extensions },
    },
  };
}

describe("cmi5 statement rules (cmi5 §9)", () => {
  it("accepts a well-formed passed at the mastery score and records it", () => {
    const next = applyCmi5StatementRules(
      facts,
      statement("passed", {
        moveOn: true,
        result: { success: true, duration: "PT1S", score: { scaled: 0.8 } },
        extensions: { [CMI5_EXTENSION.masteryScore]: 0.8 },
      }),
      raw,
    );
    expect(next.isPassed).toBe(true);
  });

  it.each([
    [
      "no timestamp",
      statement("completed", { moveOn: true, result: { completion: true, duration: "PT1S" } }),
      { hasId: true, hasTimestamp: false },
      facts,
    ],
    [
      "completed with success",
      statement("completed", { moveOn: true, result: { completion: true, success: true, duration: "PT1S" } }),
      raw,
      facts,
    ],
    [
      "completed without moveOn category",
      statement("completed", { result: { completion: true, duration: "PT1S" } }),
      raw,
      facts,
    ],
    [
      "completed twice in a registration",
      statement("completed", { moveOn: true, result: { completion: true, duration: "PT1S" } }),
      raw,
      { ...facts, isCompleted: true },
    ],
    [
      "completed in Browse mode",
      statement("completed", { moveOn: true, result: { completion: true, duration: "PT1S" } }),
      raw,
      { ...facts, launchMode: "Browse" as const },
    ],
    [
      "passed below the mastery score",
      statement("passed", {
        moveOn: true,
        result: { success: true, duration: "PT1S", score: { scaled: 0.7 } },
        extensions: { [CMI5_EXTENSION.masteryScore]: 0.8 },
      }),
      raw,
      facts,
    ],
    [
      "failed after passed",
      statement("failed", {
        moveOn: true,
        result: { success: false, duration: "PT1S" },
        extensions: { [CMI5_EXTENSION.masteryScore]: 0.8 },
      }),
      raw,
      { ...facts, isPassed: true },
    ],
    ["terminated without duration", statement("terminated", { result: {} }), raw, facts],
    [
      "a statement before initialized",
      statement("terminated", { result: { duration: "PT1S" } }),
      raw,
      { ...facts, isInitialized: false },
    ],
    [
      "initialized before the learner preferences are read",
      statement("initialized"),
      raw,
      { ...facts, isInitialized: false, hasReadLearnerPreferences: false },
    ],
    ["an LMS verb", statement("satisfied"), raw, facts],
  ])("refuses %s with 403", (_name, candidate, flags, state) => {
    expect(() => applyCmi5StatementRules(state, candidate, flags)).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });

  it("refuses another actor and another registration", () => {
    expect(() =>
      applyCmi5StatementRules(
        facts,
        { ...statement("initialized"), actor: { account: { homePage: "https://example.org", name: "other" } } },
        raw,
      ),
    ).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    const other = statement("terminated", { result: { duration: "PT1S" } });
    other.context.registration = "6f1d8f30-0000-4000-8000-0000000000ff";
    expect(() => applyCmi5StatementRules(facts, other, raw)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});

describe("cmi5 satisfaction (moveOn, blocks, course)", () => {
  const au = (moveOn: TCmi5Au["moveOn"], blocks: number[]): TCmi5Au => ({
    id: `https://example.org/au/${moveOn}`,
    title: moveOn,
    url: "index.html",
    moveOn,
    masteryScore: null,
    launchMethod: "AnyWindow",
    launchParameters: null,
    entitlementKey: null,
    blocks,
  });
  const structure = {
    aus: [au("NotApplicable", [0, 1]), au("CompletedAndPassed", [0])],
    blocks: [
      { id: "https://example.org/block/outer", title: "outer" },
      { id: "https://example.org/block/inner", title: "inner" },
    ],
  };

  it("satisfies NotApplicable at once, the inner block, and the rest only when every AU is", () => {
    const first = newlySatisfied(structure, readCmi5Progress({}));
    expect(first).toMatchObject({ blocks: [1], isCourse: false });
    const half = newlySatisfied(structure, { ...first.progress, aus: { "1": { completed: true } } });
    expect(half).toMatchObject({ blocks: [], isCourse: false });
    const done = newlySatisfied(structure, { ...first.progress, aus: { "1": { completed: true, passed: true } } });
    expect(done).toMatchObject({ blocks: [0], isCourse: true });
    expect(newlySatisfied(structure, done.progress)).toMatchObject({ blocks: [], isCourse: false });
  });
});
