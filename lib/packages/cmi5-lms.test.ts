import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PUT as putState } from "@/app/api/xapi/activities/state/route";
import { GET as getStatements } from "@/app/api/xapi/statements/route";
import { startAu } from "../../testing/cmi5-au";
import { db } from "../db";
import { xapiActivityId } from "../lrs/xapi-identifiers";
import { VERB } from "../learning/xapi-vocabulary";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createPackageCourse } from "../../testing/package-fixtures";
import { abandonCmi5Session } from "./abandon-cmi5-session";
import { CMI5_EXTENSION, CMI5_VERB } from "./cmi5-vocabulary";
import { fetchCmi5AuthToken } from "./fetch-cmi5-auth-token";
import { getPackageLaunch } from "./get-package-launch";
import { launchCmi5Test } from "./launch-cmi5-test";
import { waiveCmi5Au } from "./waive-cmi5-au";

const COURSE_STRUCTURE = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://relais.test/cmi5/lms-course"><title><langstring lang="fr-FR">Cours cmi5</langstring></title></course>
  <block id="https://relais.test/cmi5/lms-block"><title><langstring lang="fr-FR">Bloc</langstring></title>
    <au id="https://relais.test/cmi5/lms-au" moveOn="CompletedAndPassed" masteryScore="0.8">
      <title><langstring lang="fr-FR">AU</langstring></title>
      <url>au/index.html?lang=fr</url>
      <launchParameters>level=1</launchParameters>
    </au>
  </block>
</courseStructure>`;

/** A published online course whose only activity is a cmi5 package, its trainer and an enrolled learner. */
function cmi5Course() {
  return createPackageCourse([
    { name: "cmi5.xml", data: COURSE_STRUCTURE },
    { name: "au/index.html", data: "<!doctype html><title>AU</title>" },
  ]);
}

async function registrationVerbs(registration: string) {
  const rows = await db.xapiStatement.findMany({
    where: { registration },
    orderBy: { seq: "asc" },
    select: { verbId: true, statement: true },
  });
  return rows;
}

describe("cmi5 with Relais as the LMS", () => {
  it("launches an AU from the player, hands the auth-token once, enforces the rules and completes the activity by moveOn", async () => {
    const { learner, enrolment, key, slug } = await cmi5Course();
    const launch = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key });
    const url = new URL(launch.src);
    expect(url.pathname).toMatch(/^\/api\/packages\/content\/[^/]+\/au\/index\.html$/);
    for (const name of ["endpoint", "fetch", "actor", "registration", "activityId", "lang"])
      expect(url.searchParams.get(name)).toBeTruthy();
    expect(url.searchParams.get("activityId")).not.toBe("https://relais.test/cmi5/lms-au");

    const au = await startAu(launch.src);
    expect(au.launchData).toMatchObject({
      moveOn: "CompletedAndPassed",
      masteryScore: 0.8,
      launchParameters: "level=1",
      launchMode: "Normal",
    });
    expect(au.launchData.contextTemplate.contextActivities.grouping).toEqual([
      { id: "https://relais.test/cmi5/lms-au" },
    ]);
    expect(au.launchData.returnURL).toContain(`/player/${enrolment.id}`);
    // One-time fetch: the second POST answers error-code 1, without a token (cmi5 8.2.3).
    expect(await fetchCmi5AuthToken(au.fetchToken)).toMatchObject({ "error-code": "1" });
    // The LaunchData is the LMS's: the AU may read it, never write it (10.2.1.0-5).
    expect(
      (
        await putState(
          new Request(au.stateUrl, {
            method: "PUT",
            headers: { ...au.auth, "content-type": "application/json" },
            body: "{}",
          }),
        )
      ).status,
    ).toBe(403);

    expect(await au.send("completed", { moveOn: true, result: { completion: true, duration: "PT1S" } })).toBe(403); // before initialized
    expect(await au.send("initialized")).toBe(204);
    expect(await au.send("initialized")).toBe(403);
    expect(
      await au.send("passed", { moveOn: true, result: { success: true, duration: "PT5S", score: { scaled: 0.5 } } }),
    ).toBe(403); // below mastery
    expect(
      await au.send("passed", { moveOn: true, result: { success: true, duration: "PT5S", score: { scaled: 0.9 } } }),
    ).toBe(204);
    expect(await au.send("completed", { moveOn: true, result: { completion: true, duration: "PT6S" } })).toBe(204);
    expect(await au.send("terminated", { result: { duration: "PT7S" } })).toBe(204);
    // After terminated the token is dead (9.3.0.0-5, 8.1.2.0-2).
    expect(await au.send("terminated", { result: { duration: "PT8S" } })).toBe(401);

    const statements = await registrationVerbs(au.params.registration!);
    expect(statements.map((row) => row.verbId)).toEqual([
      CMI5_VERB.launched,
      CMI5_VERB.initialized,
      CMI5_VERB.passed,
      CMI5_VERB.completed,
      CMI5_VERB.satisfied,
      CMI5_VERB.satisfied,
      CMI5_VERB.terminated,
    ]);
    const launched = statements[0]!.statement as { context: { extensions: Record<string, unknown> } };
    expect(launched.context.extensions).toMatchObject({
      [CMI5_EXTENSION.sessionId]: au.launchData.contextTemplate.extensions[CMI5_EXTENSION.sessionId],
      [CMI5_EXTENSION.moveOn]: "CompletedAndPassed",
      [CMI5_EXTENSION.masteryScore]: 0.8,
      [CMI5_EXTENSION.launchMode]: "Normal",
    });
    // The course satisfied in the enrolment's registration: the Relais activity is completed.
    const relais = await db.xapiStatement.findMany({
      where: { objectActivityId: xapiActivityId.activity(slug, key), verbId: VERB.completed },
    });
    expect(relais).toHaveLength(1);
    const after = await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } });
    expect(after.status).toBe("COMPLETED");

    // A later launch reuses the registration, in Review mode now that the course is satisfied.
    const again = await getPackageLaunch(learner, { enrolmentId: enrolment.id, activityKey: key });
    const second = new URL(again.src);
    expect(second.searchParams.get("registration")).toBe(au.params.registration);
    expect(second.searchParams.get("activityId")).toBe(au.params.activityId);
  });

  it("abandons and waives for the package's authors only, never another institution's", async () => {
    const { trainer, imported } = await cmi5Course();
    const other = await createInstitution();
    const outsider = await createUserWithRoles({
      institutionId: other.id,
      roles: [{ role: "TRAINER", institutionId: other.id }],
    });
    const actor = { account: { homePage: "https://lms.example.org", name: `tester-${randomUUID()}` } };
    await expect(launchCmi5Test(outsider, { packageId: imported.id, auIndex: 0, actor })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const launch = await launchCmi5Test(trainer, { packageId: imported.id, auIndex: 0, actor, launchMode: "Browse" });
    const au = await startAu(launch.url);
    expect(await au.send("initialized")).toBe(204);
    // Browse mode: no completed, passed or failed (10.2.2.0-3).
    expect(await au.send("completed", { moveOn: true, result: { completion: true, duration: "PT1S" } })).toBe(403);

    await expect(abandonCmi5Session(outsider, { sessionId: launch.sessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await abandonCmi5Session(trainer, { sessionId: launch.sessionId })).toEqual({ isAbandoned: true });
    expect(await au.send("terminated", { result: { duration: "PT1S" } })).toBe(401);

    await expect(
      waiveCmi5Au(outsider, { registration: launch.registration, auIndex: 0, reason: "Administrative" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await waiveCmi5Au(trainer, { registration: launch.registration, auIndex: 0, reason: "Administrative" });
    await expect(
      waiveCmi5Au(trainer, { registration: launch.registration, auIndex: 0, reason: "Administrative" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const verbs = (await registrationVerbs(launch.registration)).map((row) => row.verbId);
    expect(verbs).toEqual([
      CMI5_VERB.launched,
      CMI5_VERB.initialized,
      CMI5_VERB.abandoned,
      CMI5_VERB.waived,
      CMI5_VERB.satisfied,
      CMI5_VERB.satisfied,
    ]);
    // The LRS client view (national) finds them by registration, as CATAPULT reads them.
    const answer = await getStatements(
      new Request(`http://localhost/api/xapi/statements?registration=${launch.registration}&ascending=true`, {
        headers: au.auth,
      }),
    );
    expect(answer.status).toBe(401);
  });
});
