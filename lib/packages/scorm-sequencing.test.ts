import { describe, expect, it } from "vitest";
import { scorm12MultiScoEntries, scorm2004MultiScoEntries } from "../../testing/scorm-multi-package";
import type { TZipEntryInput } from "../../testing/zip-writer";
import { AppError } from "../errors/app-error";
import { parsePackageManifest } from "./parse-package-manifest";
import { listLaunchableItems, type TScormOrganization } from "./parse-scorm-organization";
import { readScormInteractions } from "./scorm-interactions";
import { buildScormOutline, navigationValidity, resolveNavigationRequest } from "./scorm-navigation";
import { rollupPackage } from "./scorm-rollup";
import { statusFacts, type TScormFacts } from "./scorm-runtime-facts";

function parse(entries: TZipEntryInput[]) {
  const files = new Set(entries.map((entry) => entry.name));
  const manifest = entries.find((entry) => entry.name === "imsmanifest.xml")!.data.toString();
  return parsePackageManifest({ files, readManifest: () => manifest });
}

const facts = (completion: TScormFacts["completion"], success: TScormFacts["success"], scaled: number | null = null) =>
  statusFacts({ completion, success, scaled });

describe("a SCORM 2004 4th edition package of several SCOs", () => {
  const parsed = parse(scorm2004MultiScoEntries({ isChapterChoiceOff: true }));
  const organization = parsed.organization!;

  it("keeps the organization's tree: titles, nesting, hidden and untracked items, mastery, controlMode", () => {
    expect(parsed.title).toBe("Le golf en deux parties");
    expect(parsed.launchPath).toBe("part1/index.html");
    expect(listLaunchableItems(organization).map((item) => item.id)).toEqual([
      "item-part-1",
      "item-part-2",
      "item-annex",
    ]);
    const chapter = organization.children[1]!;
    expect(chapter).toMatchObject({ id: "item-chapter", title: "Chapitre : jouer", launchPath: null, choice: false });
    expect(chapter.children[0]).toMatchObject({ id: "item-part-2", masteryScore: 80, isSco: true });
    expect(chapter.children[1]).toMatchObject({ id: "item-annex", isVisible: false, isTracked: false });
  });

  it("shows visible items only; choice follows controlMode; Previous/Next follow the flow", () => {
    const outline = buildScormOutline({ organization, currentId: "item-part-1", factsOf: () => undefined });
    expect(outline.items.map((item) => item.id)).toEqual(["item-part-1", "item-chapter"]);
    expect(outline.items[1]!.children.map((item) => [item.id, item.canChoose])).toEqual([["item-part-2", false]]);
    expect(outline.items[0]).toMatchObject({ isCurrent: true, status: "notAttempted" });
    expect(outline).toMatchObject({ previousId: null, nextId: "item-part-2" });
    expect(navigationValidity(organization, "item-part-1")).toMatchObject({
      continue: true,
      previous: false,
      choice: ["item-part-1"],
    });
  });

  it("honours continue, previous, choice and exit requests, refusing unknown, hidden and non-choosable targets", () => {
    const resolve = (currentId: string, request: string) =>
      resolveNavigationRequest({ organization, currentId, request });
    expect(resolve("item-part-1", "continue")).toEqual({ kind: "sco", scoId: "item-part-2" });
    expect(resolve("item-part-2", "previous")).toEqual({ kind: "sco", scoId: "item-part-1" });
    expect(resolve("item-part-1", "previous")).toBeNull();
    expect(resolve("item-part-2", "exitAll")).toEqual({ kind: "exit" });
    expect(resolve("item-part-2", "suspendAll")).toEqual({ kind: "exit" });
    expect(resolve("item-part-2", "{target=item-part-1}choice")).toEqual({ kind: "sco", scoId: "item-part-1" });
    // choice="false" on the chapter, a hidden item, an item of no package, a cluster:
    expect(resolve("item-part-1", "{target=item-part-2}choice")).toBeNull();
    expect(resolve("item-part-1", "{target=item-annex}choice")).toBeNull();
    expect(resolve("item-part-1", "{target=other-package-sco}choice")).toBeNull();
    expect(resolve("item-part-1", "{target=item-chapter}choice")).toBeNull();
    expect(resolve("item-part-1", "{target=item-annex}jump")).toEqual({ kind: "sco", scoId: "item-annex" });
    expect(resolve("item-part-1", "_none_")).toBeNull();
    expect(resolve("item-part-1", "launch-missiles")).toBeNull();
  });

  it("rolls up with Simple Sequencing's defaults: complete and satisfied when every tracked SCO is", () => {
    const roll = (of: Record<string, TScormFacts>) =>
      rollupPackage({ standard: "SCORM_2004", organization, factsOf: (id) => of[id] });
    expect(roll({})).toMatchObject({ completion: "unknown", success: "unknown", isAttempted: false });
    expect(roll({ "item-part-1": facts("completed", "passed", 1) })).toMatchObject({
      completion: "incomplete",
      success: "unknown",
      scaled: 0.5,
    });
    // The hidden annex is not tracked: it counts for nothing.
    expect(
      roll({ "item-part-1": facts("completed", "passed", 1), "item-part-2": facts("completed", "passed", 0.8) }),
    ).toMatchObject({ completion: "completed", success: "passed", scaled: 0.9 });
    expect(
      roll({ "item-part-1": facts("completed", "passed"), "item-part-2": facts("completed", "failed") }),
    ).toMatchObject({ completion: "completed", success: "failed" });
  });

  it("applies the organization's rollup rules instead of the defaults when it has some", () => {
    const withRules = parse(
      scorm2004MultiScoEntries({
        rollupRules: `
        <imsss:rollupRules>
          <imsss:rollupRule childActivitySet="any">
            <imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions>
            <imsss:rollupAction action="completed"/>
          </imsss:rollupRule>
          <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="1">
            <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
            <imsss:rollupAction action="satisfied"/>
          </imsss:rollupRule>
        </imsss:rollupRules>`,
      }),
    ).organization!;
    expect(withRules.rollupRules).toHaveLength(2);
    expect(
      rollupPackage({
        standard: "SCORM_2004",
        organization: withRules,
        factsOf: (id) => (id === "item-part-1" ? facts("completed", "passed") : undefined),
      }),
    ).toMatchObject({ completion: "completed", success: "passed" });
  });
});

describe("a SCORM 1.2 package of several SCOs", () => {
  const parsed = parse(scorm12MultiScoEntries());
  const organization: TScormOrganization = parsed.organization!;

  it("keeps every SCO, nested ones too, with their mastery score and href query", () => {
    expect(listLaunchableItems(organization).map((item) => [item.id, item.launchPath, item.masteryScore])).toEqual([
      ["sco-a", "a.html", null],
      ["sco-b", "b.html", null],
      ["sco-c", "c.html?mode=test", 70],
    ]);
    expect(buildScormOutline({ organization, currentId: "sco-b", factsOf: () => undefined })).toMatchObject({
      previousId: "sco-a",
      nextId: "sco-c",
    });
  });

  it("is complete when every SCO is completed or passed, failed as soon as one failed", () => {
    const roll = (of: Record<string, TScormFacts>) =>
      rollupPackage({ standard: "SCORM_12", organization, factsOf: (id) => of[id] });
    const done = { "sco-a": facts("completed", "unknown"), "sco-b": facts("completed", "unknown") };
    expect(roll(done)).toMatchObject({ completion: "incomplete", success: "unknown" });
    expect(roll({ ...done, "sco-c": facts("completed", "passed") })).toMatchObject({
      completion: "completed",
      success: "passed",
    });
    expect(roll({ ...done, "sco-c": facts("completed", "failed") })).toMatchObject({ success: "failed" });
  });

  it("maps 1.2 interactions to xAPI's response formats; unanswered ones are not statements", () => {
    const interactions = readScormInteractions({
      standard: "SCORM_12",
      cmi: {
        interactions: {
          "0": {
            id: "q1",
            type: "choice",
            student_response: "a,c",
            result: "wrong",
            correct_responses: { "0": { pattern: "a,b" } },
          },
          "1": { id: "q2", type: "matching", student_response: "1.a,2.b", result: "correct" },
          "2": { id: "q3", type: "true-false", student_response: "t", result: "correct" },
          "3": { id: "declared-only", type: "choice" },
          "4": { id: "q5", type: "made-up", student_response: "x" },
        },
      },
    });
    expect(interactions.every((item) => /^[\w-]{22}$/.test(item.fingerprint))).toBe(true);
    expect(interactions.map((item) => ({ ...item, fingerprint: undefined }))).toEqual([
      {
        id: "q1",
        interactionType: "choice",
        description: null,
        response: "a[,]c",
        success: false,
        correctResponsesPattern: ["a[,]b"],
        fingerprint: undefined,
      },
      {
        id: "q2",
        interactionType: "matching",
        description: null,
        response: "1[.]a[,]2[.]b",
        success: true,
        correctResponsesPattern: [],
        fingerprint: undefined,
      },
      {
        id: "q3",
        interactionType: "true-false",
        description: null,
        response: "true",
        success: true,
        correctResponsesPattern: [],
        fingerprint: undefined,
      },
    ]);
  });
});

it("refuses a manifest whose items repeat an identifier, naming the rule", () => {
  const entries = scorm12MultiScoEntries().map((entry) =>
    entry.name === "imsmanifest.xml"
      ? { ...entry, data: entry.data.replace('identifier="sco-b"', 'identifier="sco-a"') }
      : entry,
  );
  let caught: unknown = null;
  try {
    parse(entries);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(String((caught as Error).message)).toContain("sco-a");
});

it("reads an item's sequencing from the manifest's sequencingCollection (IDRef) and its parameters attribute", () => {
  const entries = scorm2004MultiScoEntries().map((entry) =>
    entry.name === "imsmanifest.xml"
      ? {
          ...entry,
          data: entry.data
            .replace(
              '<item identifier="item-part-1" identifierref="res-part-1">',
              '<item identifier="item-part-1" identifierref="res-part-1" parameters="?lang=fr">' +
                '<imsss:sequencing IDRef="common"/>',
            )
            .replace(
              "</organizations>",
              '</organizations><imsss:sequencingCollection><imsss:sequencing ID="common">' +
                '<imsss:deliveryControls tracked="false"/></imsss:sequencing></imsss:sequencingCollection>',
            ),
        }
      : entry,
  );
  const part1 = parse(entries).organization!.children[0]!;
  expect(part1).toMatchObject({ launchPath: "part1/index.html?lang=fr", isTracked: false });
});
