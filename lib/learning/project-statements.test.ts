import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TStoredStatement } from "../lrs/types";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment, createPublishedCourse } from "../../testing/learning-fixtures";
import { projectStatements } from "./project-statements";
import { buildStatement, type TStatementInput } from "./xapi-statement";
import { ACTIVITY_TYPE, EXTENSION } from "./xapi-vocabulary";

async function setUp(options: { completionRules?: object } = {}) {
  const institution = await createInstitution();
  const agent = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "AGENT", institutionId: institution.id }],
  });
  const course = await createPublishedCourse({
    institutionId: institution.id,
    completionRules: options.completionRules,
  });
  const enrolment = await createEnrolment({ userId: agent.userId, courseId: course.id, versionId: course.versionId });
  const context = {
    actor: xapiAgentForUser({ id: agent.userId }),
    registration: enrolment.registration,
    course: { id: xapiActivityId.course(course.slug), name: "c" },
    language: "fr",
  };
  const statement = (input: Omit<TStatementInput, "object"> & { key?: string }): TStoredStatement => {
    const object = input.key
      ? { id: xapiActivityId.activity(course.slug, input.key), type: ACTIVITY_TYPE.lesson, name: input.key }
      : { id: context.course.id, type: ACTIVITY_TYPE.course, name: "c" };
    const built = buildStatement(context, { ...input, object });
    return {
      ...built,
      stored: new Date().toISOString(),
      authority: {},
      version: "1.0.3",
    } as unknown as TStoredStatement;
  };
  const project = (statements: TStoredStatement[]) => db.$transaction((tx) => projectStatements(tx, statements));
  const reload = () => db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });
  return { agent, course, enrolment, statement, project, reload };
}

describe("projection of statements into enrolment progress (real database)", () => {
  it("completed lessons and videos raise progress; the quiz counts only through server-scored attempts", async () => {
    const { course, statement, project, reload, enrolment } = await setUp();
    await project([statement({ verb: "launched" }), statement({ verb: "completed", key: course.keys.lesson })]);
    expect(await reload()).toMatchObject({
      progressPercent: 33,
      lastActivityKey: course.keys.lesson,
      status: "ACTIVE",
    });
    expect((await reload()).startedAt).not.toBeNull();

    await project([
      statement({ verb: "completed", key: course.keys.video }),
      statement({ verb: "passed", key: course.keys.quiz, result: { score: { scaled: 1 }, success: true } }),
    ]);
    expect(await reload()).toMatchObject({ progressPercent: 66, status: "ACTIVE" }); // a self-reported "passed" is not a pass

    await db.quizAttempt.create({
      data: {
        enrolmentId: enrolment.id,
        activityKey: course.keys.quiz,
        idempotencyKey: "k1",
        number: 1,
        answers: {},
        scaledScore: 0.75,
        isPassed: true,
      },
    });
    await project([statement({ verb: "terminated", key: course.keys.quiz, result: { duration: "PT10M" } })]);
    const done = await reload();
    expect(done).toMatchObject({ progressPercent: 100, status: "COMPLETED", scaledScore: 0.75, timeSpentSeconds: 600 });
    expect(done.completedAt).not.toBeNull();
    expect(await db.enrolmentStatusChange.count({ where: { enrolmentId: enrolment.id, toStatus: "COMPLETED" } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { entityId: enrolment.id, action: "enrolment.completed" } })).toBe(1);
    const certificate = await db.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    expect(certificate).toMatchObject({ kind: "ACHIEVEMENT", hours: 0.75 });
    expect(certificate.details).toMatchObject({ evaluationResult: "75 %", modality: "ONLINE" });

    // Completion is never undone, and happens once.
    await project([statement({ verb: "completed", key: course.keys.lesson })]);
    expect(await db.enrolmentStatusChange.count({ where: { enrolmentId: enrolment.id, toStatus: "COMPLETED" } })).toBe(
      1,
    );
    expect(await db.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(1);
  });

  it("minimum time: everything done but too little time is not complete", async () => {
    const { course, statement, project, reload, enrolment } = await setUp({
      completionRules: { requiredActivities: [], quizPassRequired: false, minimumMinutes: 30 },
    });
    expect(course.keys.lesson).toBeTruthy();
    await project([statement({ verb: "terminated", result: { duration: "PT20M" } })]);
    expect(await reload()).toMatchObject({ status: "ACTIVE", timeSpentSeconds: 1200 });
    // One terminated statement counts for at most 4 hours.
    await project([statement({ verb: "terminated", result: { duration: "P2D" } })]);
    expect(await reload()).toMatchObject({ status: "COMPLETED", timeSpentSeconds: 1200 + 4 * 3600 });
    expect(enrolment.id).toBeTruthy();
  });

  it("video statements record the resume position", async () => {
    const { course, statement, project, reload } = await setUp();
    await project([
      statement({ verb: "paused", key: course.keys.video, result: { extensions: { [EXTENSION.videoTime]: 42.5 } } }),
    ]);
    expect(await reload()).toMatchObject({ lastVideoSeconds: 42.5, lastActivityKey: course.keys.video });
    await project([
      statement({
        verb: "seeked",
        key: course.keys.video,
        result: { extensions: { [EXTENSION.videoTimeFrom]: 42.5, [EXTENSION.videoTimeTo]: 90 } },
      }),
    ]);
    expect(await reload()).toMatchObject({ lastVideoSeconds: 90 });
  });

  it("refuses statements about a course without the actor's active enrolment, and about someone else's registration", async () => {
    const { course, statement, project, reload } = await setUp();
    const other = await setUp();
    const foreign = statement({ verb: "completed", key: course.keys.lesson });
    // Same actor and course, but the registration of another person's enrolment.
    const stolen = {
      ...foreign,
      context: { ...foreign.context, registration: other.enrolment.registration },
    } as TStoredStatement;
    await expect(project([stolen])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const missing = { ...foreign, context: { ...foreign.context, registration: undefined } } as TStoredStatement;
    await expect(project([missing])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.enrolment.update({ where: { id: (await reload()).id }, data: { status: "PENDING_APPROVAL" } });
    await expect(project([foreign])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const unknownActivity = statement({ verb: "completed", key: "not-in-course" });
    await db.enrolment.update({ where: { id: (await reload()).id }, data: { status: "ACTIVE" } });
    await expect(project([unknownActivity])).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.activityProgress.count({ where: { enrolmentId: (await reload()).id } })).toBe(0);
  });

  it("ignores statements about things that are not Relais courses", async () => {
    const { statement, project } = await setUp();
    const elsewhere = {
      ...statement({ verb: "completed" }),
      object: { id: "https://other.example/activity/1" },
    } as TStoredStatement;
    await expect(project([elsewhere])).resolves.toBeUndefined();
  });
});
