import { describe, expect, it } from "vitest";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createPackageCourse } from "../../testing/package-fixtures";
import { scorm12MultiScoEntries, scorm2004MultiScoEntries } from "../../testing/scorm-multi-package";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { VERB } from "../learning/xapi-vocabulary";
import { xapiActivityId } from "../lrs/xapi-identifiers";
import { commitPackageRuntime } from "./commit-package-runtime";
import { getPackageLaunch } from "./get-package-launch";
import { openPackageFile } from "./open-package-file";

const tokenOf = (src: string) => src.split("/")[4]!;
const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : "other"),
  );
const PART_1 = "item-part-1";
const PART_2 = "item-part-2";

async function statementsAbout(prefix: string) {
  const rows = await db.xapiStatement.findMany({
    where: { objectActivityId: { startsWith: prefix } },
    orderBy: { seq: "asc" },
    select: { verbId: true, objectActivityId: true, statement: true },
  });
  return rows.map((row) => ({ ...row, statement: row.statement as Record<string, never> }));
}

async function bootOf(src: string, path: string) {
  const file = await openPackageFile({ token: tokenOf(src), path, rangeHeader: null, ifNoneMatch: null });
  const html = (file.body as Buffer).toString("utf8");
  const json = /window\.__RELAIS_SCORM__=(.*?);<\/script>/.exec(html)![1]!;
  return JSON.parse(json) as { scoId: string; cmi: Record<string, unknown>; nav: { continue: boolean } };
}

const interaction = {
  "0": {
    id: "q-swing",
    type: "choice",
    description: "Quel club ?",
    learner_response: "b",
    result: "correct",
    correct_responses: { "0": { pattern: "b" } },
  },
};

describe("a SCORM 2004 package of several SCOs, followed SCO by SCO", () => {
  it("keeps each SCO's data, names each SCO in its statements, rolls up the package and completes the course", async () => {
    const { learner, enrolment, key, slug } = await createPackageCourse(scorm2004MultiScoEntries());
    const packageId = xapiActivityId.activity(slug, key);

    const first = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key });
    expect(first.scoId).toBe(PART_1);
    expect(first.src).toMatch(/\/part1\/index\.html$/);
    expect(first.outline?.items.map((item) => item.title)).toEqual(["Partie 1 : les règles", "Chapitre : jouer"]);
    expect((await bootOf(first.src, "part1/index.html")).nav.continue).toBe(true);

    await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      scoId: PART_1,
      data: { cmi: { completion_status: "incomplete", location: "p1-page-2", suspend_data: "p1" } },
    });
    const ended = await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      scoId: PART_1,
      isTerminating: true,
      navRequest: "continue",
      data: {
        cmi: {
          completion_status: "completed",
          success_status: "passed",
          score: { scaled: "1" },
          location: "p1-end",
          suspend_data: "p1-done",
          session_time: "PT1M",
        },
      },
    });
    expect(ended).toMatchObject({
      verbs: ["progressed", "completed", "passed", "terminated"],
      packageVerbs: [],
      completion: "incomplete",
      navigation: { kind: "sco", scoId: PART_2 },
    });

    // Resume on another device: the player opens the SCO the navigation request led to, with its own (empty) data.
    const resumed = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key });
    expect(resumed.scoId).toBe(PART_2);
    expect(resumed.outline?.items[0]).toMatchObject({ status: "passed", canChoose: true });
    const part2Boot = await bootOf(resumed.src, "part2/index.html");
    expect(part2Boot).toMatchObject({ scoId: PART_2, cmi: { entry: "ab-initio", suspend_data: "" } });
    expect(part2Boot.cmi.scaled_passing_score).toBe("0.8");
    // Part 1's data is still its own.
    const back = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key, scoId: PART_1 });
    expect((await bootOf(back.src, "part1/index.html")).cmi).toMatchObject({
      entry: "resume",
      suspend_data: "p1-done",
      location: "p1-end",
    });

    const answered = {
      enrolmentId: enrolment.id,
      activityKey: key,
      scoId: PART_2,
      data: { cmi: { completion_status: "incomplete", interactions: interaction } },
    };
    expect((await commitPackageRuntime(learner, answered)).answered).toBe(1);
    // A re-commit of the same answer sends nothing again.
    expect((await commitPackageRuntime(learner, answered)).answered).toBe(0);
    const last = await commitPackageRuntime(learner, {
      ...answered,
      isTerminating: true,
      navRequest: "exitAll",
      data: {
        cmi: {
          completion_status: "completed",
          success_status: "passed",
          score: { scaled: "0.9" },
          interactions: interaction,
        },
      },
    });
    expect(last).toMatchObject({
      packageVerbs: ["completed", "passed"],
      completion: "completed",
      success: "passed",
      navigation: { kind: "exit" },
    });
    const after = await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });
    expect(after.status).toBe("COMPLETED");
    expect(after.progressPercent).toBe(100);
    expect(after.timeSpentSeconds).toBe(60);

    const rows = await statementsAbout(packageId);
    const part2Id = `${packageId}/scos/${PART_2}`;
    const part2 = rows.filter((row) => row.objectActivityId === part2Id);
    expect(part2.map((row) => row.verbId)).toEqual([VERB.initialized, VERB.completed, VERB.passed, VERB.terminated]);
    expect(part2[0]!.statement).toMatchObject({
      object: { id: part2Id, definition: { type: "https://w3id.org/xapi/scorm/activity-type/sco" } },
      context: {
        registration: enrolment.registration,
        contextActivities: { parent: [{ id: packageId }], grouping: [{ id: xapiActivityId.course(slug) }] },
      },
    });
    const answers = rows.filter((row) => row.verbId === VERB.answered);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.statement).toMatchObject({
      object: {
        id: `${packageId}/questions/${encodeURIComponent(`${PART_2}/q-swing`)}`,
        definition: {
          type: "http://adlnet.gov/expapi/activities/cmi.interaction",
          interactionType: "choice",
          correctResponsesPattern: ["b"],
        },
      },
      result: { response: "b", success: true },
      context: { contextActivities: { parent: [{ id: part2Id }] } },
    });
    const onPackage = rows.filter((row) => row.objectActivityId === packageId);
    expect(onPackage.map((row) => row.verbId)).toEqual([VERB.completed, VERB.passed]);
    expect(onPackage[1]!.statement).toMatchObject({ result: { success: true, score: { scaled: 0.95 } } });

    // A commit after the attempt completed is kept, and completes nothing twice.
    const late = await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      scoId: PART_1,
      data: { cmi: { completion_status: "completed", success_status: "passed", location: "again" } },
    });
    expect(late).toMatchObject({ packageVerbs: [], completion: "completed" });
    expect((await statementsAbout(packageId)).filter((row) => row.objectActivityId === packageId)).toHaveLength(2);
  });

  it("refuses SCOs of no package, hidden or non-choosable targets, other learners, huge data; serialises two tabs", async () => {
    const { learner, enrolment, key, slug } = await createPackageCourse(
      scorm2004MultiScoEntries({ isChapterChoiceOff: true }),
    );
    const other = await createPackageCourse(scorm12MultiScoEntries());
    const base = { enrolmentId: enrolment.id, activityKey: key };
    // Another package's SCO, a cluster, an unknown id: no commit, no launch.
    expect(await code(commitPackageRuntime(learner, { ...base, scoId: "sco-a", data: { cmi: {} } }))).toBe("NOT_FOUND");
    expect(await code(commitPackageRuntime(learner, { ...base, scoId: "item-chapter", data: { cmi: {} } }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(getPackageLaunch(learner, { ...base, scoId: "nope" }))).toBe("NOT_FOUND");
    // Hidden, and in a cluster with choice="false" that is not the next in flow from the first SCO:
    expect(await code(getPackageLaunch(learner, { ...base, scoId: "item-annex" }))).toBe("NOT_FOUND");
    // Part 2 is the flow neighbour of Part 1: reachable by Next even without choice.
    expect((await getPackageLaunch(learner, { ...base, scoId: PART_2 })).scoId).toBe(PART_2);
    // A choice request for a non-choosable target is not honoured: the learner stays.
    const refused = await commitPackageRuntime(learner, {
      ...base,
      scoId: PART_1,
      isTerminating: true,
      navRequest: "{target=item-annex}choice",
      data: { cmi: { completion_status: "incomplete" } },
    });
    expect(refused.navigation).toBeNull();
    // Another learner's enrolment, another learner's SCO.
    expect(
      await code(
        commitPackageRuntime(other.learner, {
          ...base,
          scoId: PART_1,
          data: { cmi: { completion_status: "completed" } },
        }),
      ),
    ).toBe("NOT_FOUND");
    const stranger = await createUserWithRoles({
      institutionId: (await createInstitution()).id,
      roles: [{ role: "AGENT" }],
    });
    expect(await code(getPackageLaunch(stranger, { ...base, scoId: PART_1 }))).toBe("NOT_FOUND");
    expect(
      await code(
        commitPackageRuntime(learner, { ...base, scoId: PART_2, data: { cmi: { suspend_data: "x".repeat(300_000) } } }),
      ),
    ).toBe("INVALID");
    // SCORM 2004's own limit (64,000 characters) is kept whole.
    await commitPackageRuntime(learner, {
      ...base,
      scoId: PART_2,
      data: { cmi: { suspend_data: "y".repeat(64_000) } },
    });
    const kept = await getPackageLaunch(learner, { ...base, scoId: PART_2 });
    expect(((await bootOf(kept.src, "part2/index.html")).cmi.suspend_data as string).length).toBe(64_000);

    // Two tabs finishing both SCOs at once: the package is completed exactly once.
    const finish = (scoId: string) =>
      commitPackageRuntime(learner, {
        ...base,
        scoId,
        data: { cmi: { completion_status: "completed", success_status: "passed" } },
      });
    const both = await Promise.all([finish(PART_1), finish(PART_2)]);
    expect(both.flatMap((result) => result.packageVerbs)).toEqual(["completed", "passed"]);
    const onPackage = await db.xapiStatement.count({
      where: { objectActivityId: xapiActivityId.activity(slug, key), verbId: VERB.completed },
    });
    expect(onPackage).toBe(1);
  });
});

describe("a SCORM 1.2 package of several SCOs", () => {
  it("is complete when every SCO is, with 1.2 interactions as answered statements", async () => {
    const { learner, enrolment, key, slug } = await createPackageCourse(scorm12MultiScoEntries());
    const base = { enrolmentId: enrolment.id, activityKey: key };
    for (const scoId of ["sco-a", "sco-b"]) {
      const result = await commitPackageRuntime(learner, {
        ...base,
        scoId,
        isTerminating: true,
        data: { cmi: { core: { lesson_status: "completed", session_time: "00:00:30" } } },
      });
      expect(result.completion).toBe("incomplete");
    }
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).status).toBe("ACTIVE");
    const launch = await getPackageLaunch(learner, base);
    expect(launch.outline?.items.map((item) => [item.title, item.status])).toEqual([
      ["Leçon A", "completed"],
      ["Approfondir", null],
      ["Évaluation", "notAttempted"],
    ]);
    const evaluation = await getPackageLaunch(learner, { ...base, scoId: "sco-c" });
    expect(evaluation.src).toMatch(/\/c\.html\?mode=test$/);
    expect((await bootOf(evaluation.src, "c.html")).cmi).toMatchObject({ student_data: { mastery_score: "70" } });
    const last = await commitPackageRuntime(learner, {
      ...base,
      scoId: "sco-c",
      data: {
        cmi: {
          core: { lesson_status: "passed", score: { raw: "80" } },
          interactions: { "0": { id: "q1", type: "choice", student_response: "a,b", result: "correct" } },
        },
      },
    });
    expect(last).toMatchObject({ packageVerbs: ["completed", "passed"], answered: 1, completion: "completed" });
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).status).toBe("COMPLETED");
    const answered = await db.xapiStatement.findFirstOrThrow({
      where: { verbId: VERB.answered, objectActivityId: { startsWith: xapiActivityId.activity(slug, key) } },
      select: { statement: true },
    });
    expect(answered.statement).toMatchObject({ result: { response: "a[,]b", success: true } });
  });
});
