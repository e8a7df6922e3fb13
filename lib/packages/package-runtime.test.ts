import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { xapiActivityId } from "../lrs/xapi-identifiers";
import { VERB } from "../learning/xapi-vocabulary";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createPackageCourse } from "../../testing/package-fixtures";
import { folderEntries, PACKAGE_FIXTURES } from "../../testing/zip-writer";
import { commitPackageRuntime } from "./commit-package-runtime";
import { getPackageLaunch } from "./get-package-launch";
import { openPackageFile } from "./open-package-file";

const packageCourse = (fixture: "scorm12" | "scorm2004") =>
  createPackageCourse(folderEntries(path.join(PACKAGE_FIXTURES, fixture)));

const tokenOf = (src: string) => src.split("/")[4]!;

async function verbsOf(slug: string, key: string) {
  const rows = await db.xapiStatement.findMany({
    where: { objectActivityId: xapiActivityId.activity(slug, key) },
    orderBy: { seq: "asc" },
    select: { verbId: true, statement: true },
  });
  return rows;
}

describe("the SCORM run-time", () => {
  it("SCORM 1.2: resumes from the saved data, and a passed SCO completes the course with its statements in the LRS", async () => {
    const { learner, enrolment, key, slug } = await packageCourse("scorm12");
    const launch = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key });
    expect(launch.src).toMatch(/^\/api\/packages\/content\/[^/]+\/sco\/index\.html$/);

    const first = await openPackageFile({
      token: tokenOf(launch.src),
      path: "sco/index.html",
      rangeHeader: null,
      ifNoneMatch: null,
    });
    const firstHtml = (first.body as Buffer).toString("utf8");
    expect(firstHtml).toContain('<script src="/api/packages/bridge/scorm12.js"></script>');
    expect(firstHtml).toContain('"entry":"ab-initio"');
    expect(firstHtml).toContain('"mastery_score":"80"');

    await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      data: { cmi: { core: { lesson_status: "incomplete", lesson_location: "2" }, suspend_data: "page=2" } },
    });
    const resumed = (
      (
        await openPackageFile({
          token: tokenOf(launch.src),
          path: "sco/index.html",
          rangeHeader: null,
          ifNoneMatch: null,
        })
      ).body as Buffer
    ).toString("utf8");
    expect(resumed).toContain('"entry":"resume"');
    expect(resumed).toContain('"suspend_data":"page=2"');
    expect(resumed).toContain('"lesson_location":"2"');

    const result = await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      isTerminating: true,
      data: {
        cmi: {
          core: {
            lesson_status: "passed",
            lesson_location: "2",
            score: { raw: "90", min: "0", max: "100" },
            session_time: "00:03:20",
          },
          suspend_data: "page=2",
        },
      },
    });
    expect(result.verbs).toEqual(["completed", "passed", "terminated"]);
    const rows = await verbsOf(slug, key);
    expect(rows.map((row) => row.verbId)).toEqual([
      VERB.initialized,
      VERB.progressed,
      VERB.completed,
      VERB.passed,
      VERB.terminated,
    ]);
    expect((rows[3]!.statement as { result: unknown }).result).toMatchObject({
      success: true,
      score: { scaled: 0.9, raw: 90 },
    });
    expect((rows[4]!.statement as { result: unknown }).result).toMatchObject({ duration: "PT200S" });
    const after = await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });
    expect(after.status).toBe("COMPLETED");
    expect(after.progressPercent).toBe(100);
    expect(after.timeSpentSeconds).toBe(200);

    // A second finish does not complete twice.
    const again = await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      data: { cmi: { core: { lesson_status: "passed", lesson_location: "2" } } },
    });
    expect(again.verbs).toEqual([]);
  });

  it("SCORM 2004: a failed SCO is not done; passing later completes it", async () => {
    const { learner, enrolment, key, slug } = await packageCourse("scorm2004");
    const failed = await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      data: {
        cmi: {
          completion_status: "completed",
          success_status: "failed",
          score: { scaled: "0.4" },
          location: "q1",
          progress_measure: "1",
        },
      },
    });
    expect(failed.verbs).toEqual(["initialized", "progressed", "failed"]);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).status).toBe("ACTIVE");
    const passed = await commitPackageRuntime(learner, {
      enrolmentId: enrolment.id,
      activityKey: key,
      isTerminating: true,
      data: {
        cmi: {
          completion_status: "completed",
          success_status: "passed",
          score: { scaled: "0.85" },
          location: "q1",
          progress_measure: "1",
          session_time: "PT4M10S",
        },
      },
    });
    expect(passed.verbs).toEqual(["completed", "passed", "terminated"]);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).status).toBe("COMPLETED");
    const rows = await verbsOf(slug, key);
    expect(rows.find((row) => row.verbId === VERB.progressed)?.statement).toMatchObject({
      result: { extensions: { "https://w3id.org/xapi/cmi5/result/extensions/progress": 100 } },
    });
  });

  it("serves files with nosniff, ETag, 304 and Range; refuses forged tokens, other learners and withdrawn enrolments", async () => {
    const { learner, trainer, enrolment, key } = await packageCourse("scorm12");
    const { src } = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key });
    const token = tokenOf(src);
    const css = await openPackageFile({ token, path: "sco/style.css", rangeHeader: null, ifNoneMatch: null });
    expect(css.status).toBe(200);
    expect(css.headers).toMatchObject({
      "content-type": "text/css; charset=utf-8",
      "x-content-type-options": "nosniff",
      "accept-ranges": "bytes",
    });
    const etag = css.headers.etag!;
    expect((await openPackageFile({ token, path: "sco/style.css", rangeHeader: null, ifNoneMatch: etag })).status).toBe(
      304,
    );
    const part = await openPackageFile({ token, path: "sco/style.css", rangeHeader: "bytes=0-3", ifNoneMatch: null });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toMatch(/^bytes 0-3\/\d+$/);
    expect(
      (await openPackageFile({ token, path: "sco/style.css", rangeHeader: "bytes=99999-", ifNoneMatch: null })).status,
    ).toBe(416);

    const code = async (promise: Promise<unknown>) =>
      promise.then(
        () => "ok",
        (error: unknown) => (error instanceof AppError ? error.code : "other"),
      );
    expect(
      await code(
        openPackageFile({
          token: `${token.split(".")[0]}.forged`,
          path: "sco/style.css",
          rangeHeader: null,
          ifNoneMatch: null,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await code(openPackageFile({ token, path: "../imsmanifest.xml", rangeHeader: null, ifNoneMatch: null })),
    ).toBe("NOT_FOUND");
    // Another learner (another institution), and the trainer, have no enrolment: no launch, no commit.
    const other = await createUserWithRoles({
      institutionId: (await createInstitution()).id,
      roles: [{ role: "AGENT" }],
    });
    expect(await code(getPackageLaunch(other, { enrolmentId: enrolment.id, activityKey: key }))).toBe("NOT_FOUND");
    expect(
      await code(commitPackageRuntime(other, { enrolmentId: enrolment.id, activityKey: key, data: { cmi: {} } })),
    ).toBe("NOT_FOUND");
    expect(await code(getPackageLaunch(trainer, { enrolmentId: enrolment.id, activityKey: key }))).toMatch(
      /^(NOT_FOUND|FORBIDDEN)$/,
    );
    expect(
      await code(
        commitPackageRuntime(learner, {
          enrolmentId: enrolment.id,
          activityKey: key,
          data: { cmi: { suspend_data: "x".repeat(300_000) } },
        }),
      ),
    ).toBe("INVALID");
    await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "CANCELLED" } });
    expect(await code(openPackageFile({ token, path: "sco/style.css", rangeHeader: null, ifNoneMatch: null }))).toBe(
      "NOT_FOUND",
    );
  });
});
