import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { issueCertificate } from "../certificates/issue-certificate";
import { xapiActivityId, xapiAgentForUser } from "../lrs/xapi-identifiers";
import type { TStoredStatement } from "../lrs/types";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment, createPublishedCourse } from "../../testing/learning-fixtures";
import { getPlayerView } from "./get-player-view";
import { projectStatements } from "./project-statements";
import { submitQuizAttempt } from "./submit-quiz-attempt";
import { buildStatement, type TStatementInput } from "./xapi-statement";
import { ACTIVITY_TYPE } from "./xapi-vocabulary";

const RIGHT = { q1: "a", q2: ["a", "c"], q3: "false", q4: "paris" };
const WRONG = { q1: "b" };

async function setUp(options: { completionRules?: object; modality?: "ONLINE" | "IN_PERSON"; empty?: boolean } = {}) {
  const institution = await createInstitution();
  const agent = await createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "AGENT", institutionId: institution.id }],
  });
  const course = await createPublishedCourse({
    institutionId: institution.id,
    completionRules: options.completionRules,
  });
  if (options.modality) await db.course.update({ where: { id: course.id }, data: { modality: options.modality } });
  if (options.empty) await db.courseModule.deleteMany({ where: { versionId: course.versionId } });
  const enrolment = await createEnrolment({ userId: agent.userId, courseId: course.id, versionId: course.versionId });
  const context = {
    actor: xapiAgentForUser({ id: agent.userId }),
    registration: enrolment.registration,
    course: { id: xapiActivityId.course(course.slug), name: "c" },
    language: "fr",
  };
  const statement = (input: Omit<TStatementInput, "object"> & { key?: string }): TStoredStatement =>
    ({
      ...buildStatement(context, {
        ...input,
        object: input.key
          ? { id: xapiActivityId.activity(course.slug, input.key), type: ACTIVITY_TYPE.lesson, name: input.key }
          : { id: context.course.id, type: ACTIVITY_TYPE.course, name: "c" },
      }),
      stored: new Date().toISOString(),
      authority: {},
      version: "1.0.3",
    }) as unknown as TStoredStatement;
  const project = (statements: TStoredStatement[]) => db.$transaction((tx) => projectStatements(tx, statements));
  const reload = () =>
    db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true, progressPercent: true } });
  const submit = (answers: object) =>
    submitQuizAttempt(agent, {
      enrolmentId: enrolment.id,
      activityKey: course.keys.quiz,
      idempotencyKey: randomUUID(),
      answers: answers as typeof RIGHT,
    });
  return { institution, agent, course, enrolment, statement, project, reload, submit };
}

describe("completion follows the modality, never a page view (real database)", () => {
  it("an in-person course opened in the player does not complete: no player, no completion, no certificate", async () => {
    const { agent, enrolment, statement, project, reload } = await setUp({ modality: "IN_PERSON", empty: true });
    const view = await getPlayerView(agent, {
      enrolmentId: enrolment.id,
      requestedKey: null,
      attemptId: null,
      locale: "fr",
    });
    expect(view).toMatchObject({ hasOnlinePart: false, current: null, isCompleted: false });
    // What an opened player would send, and a forged course "completed": nothing completes.
    await project([
      statement({ verb: "launched" }),
      statement({ verb: "terminated", result: { duration: "PT3H" } }),
      statement({ verb: "completed", result: { completion: true } }),
    ]);
    expect(await reload()).toEqual({ status: "ACTIVE", progressPercent: 0 });
    expect(await db.certificate.count({ where: { userId: agent.userId } })).toBe(0);
  });

  it("an online course without any activity never completes", async () => {
    const { agent, statement, project, reload } = await setUp({ empty: true });
    await project([statement({ verb: "launched" }), statement({ verb: "completed", result: { completion: true } })]);
    expect(await reload()).toEqual({ status: "ACTIVE", progressPercent: 0 });
    expect(await db.certificate.count({ where: { userId: agent.userId } })).toBe(0);
  });

  it("online: progress only grows as required activities are done; a passed quiz is done and closed; completion issues one certificate of achievement", async () => {
    const { agent, course, enrolment, statement, project, reload, submit } = await setUp();
    const seen: number[] = [];
    const note = async () => seen.push((await reload()).progressPercent);
    await project([statement({ verb: "completed", key: course.keys.lesson })]);
    await note();
    await submit(WRONG);
    await note();
    await project([statement({ verb: "completed", key: course.keys.video })]);
    await note();
    const view = () =>
      getPlayerView(agent, {
        enrolmentId: enrolment.id,
        requestedKey: course.keys.quiz,
        attemptId: null,
        locale: "fr",
      });
    expect((await view()).quiz).toMatchObject({ isPassed: false, canAttempt: true, attemptsUsed: 1 });
    await submit(RIGHT);
    await note();
    expect(seen).toEqual([33, 33, 66, 100]);
    expect(await reload()).toEqual({ status: "COMPLETED", progressPercent: 100 });
    const quizView = await view();
    expect(quizView.quiz).toMatchObject({ isPassed: true, canAttempt: false, bestPercent: 100 });
    expect(
      quizView.outline.flatMap((module) => module.activities).find((a) => a.key === course.keys.quiz),
    ).toMatchObject({
      isDone: true,
    });
    expect(quizView.certificateHref).toMatch(/^\/api\/certificates\//);
    // No new attempt once passed (the limit of 2 is not reached): refused, nothing written.
    await expect(submit(RIGHT)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "learning.player.passedAlready" },
    });
    expect(await db.quizAttempt.count({ where: { enrolmentId: enrolment.id } })).toBe(2);
    const certificates = await db.certificate.findMany({ where: { enrolmentId: enrolment.id } });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({ kind: "ACHIEVEMENT", hours: 0.75 });
    expect(certificates[0]!.details).toMatchObject({ trainingType: "T1_ADAPT_POST", evaluationResult: "100 %" });
    // Issuing again, even concurrently, gives the same certificate.
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        issueCertificate({
          kind: "ACHIEVEMENT",
          userId: agent.userId,
          courseId: course.id,
          enrolmentId: enrolment.id,
          hours: 0.75,
          details: certificates[0]!.details as never,
        }),
      ),
    );
    expect(new Set(again.map((row) => row.id))).toEqual(new Set([certificates[0]!.id]));
  });

  it("a course that allows improving a score offers a new attempt after a pass", async () => {
    const { agent, course, enrolment, submit } = await setUp({
      completionRules: { requiredActivities: "all", quizPassRequired: true, canImproveScore: true },
    });
    await submit(RIGHT);
    const view = await getPlayerView(agent, {
      enrolmentId: enrolment.id,
      requestedKey: course.keys.quiz,
      attemptId: null,
      locale: "en",
    });
    expect(view.quiz).toMatchObject({ isPassed: true, canAttempt: true });
    await expect(submit(RIGHT)).resolves.toMatchObject({ number: 2 });
  });

  it("concurrent first issues of an achievement certificate give one", async () => {
    const { agent, course, enrolment } = await setUp();
    await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED" } });
    const details = {
      agentName: "A",
      courseTitle: "C",
      objectives: "",
      modality: "ONLINE" as const,
      trainingType: "T1_ADAPT_POST",
      declaredDurationMinutes: 45,
      dates: ["2026-12-01"],
      attendedHours: null,
      evaluationResult: null,
      institutionName: "I",
      siteName: null,
    };
    const issued = await Promise.all(
      Array.from({ length: 6 }, () =>
        issueCertificate({
          kind: "ACHIEVEMENT",
          userId: agent.userId,
          courseId: course.id,
          enrolmentId: enrolment.id,
          hours: 1,
          details,
        }),
      ),
    );
    expect(new Set(issued.map((row) => row.id)).size).toBe(1);
    expect(await db.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(1);
  });

  it("forged: completing someone else's enrolment is refused with a message key and changes nothing", async () => {
    const { course, enrolment, reload } = await setUp();
    const stranger = await createUserWithRoles({
      institutionId: (await createInstitution()).id,
      roles: [{ role: "AGENT" }],
    });
    await expect(
      submitQuizAttempt(stranger, {
        enrolmentId: enrolment.id,
        activityKey: course.keys.quiz,
        idempotencyKey: randomUUID(),
        answers: RIGHT,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", details: { messageKey: "learning.player.notYours" } });
    await expect(
      getPlayerView(stranger, { enrolmentId: enrolment.id, requestedKey: null, attemptId: null, locale: "fr" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.quizAttempt.count({ where: { enrolmentId: enrolment.id } })).toBe(0);
    expect(await reload()).toEqual({ status: "ACTIVE", progressPercent: 0 });
  });

  it("a stored quiz the player cannot read (attemptLimit 0, empty accepted answer) shows a message, never a 500", async () => {
    const { agent, course, enrolment, submit } = await setUp();
    await db.activity.updateMany({
      where: { key: course.keys.quiz },
      data: {
        content: {
          passMark: 0.5,
          attemptLimit: 0,
          questions: [{ id: "q1", type: "short", prompt: { fr: "?" }, answer: [""] }],
        },
      },
    });
    const view = await getPlayerView(agent, {
      enrolmentId: enrolment.id,
      requestedKey: course.keys.quiz,
      attemptId: null,
      locale: "fr",
    });
    expect(view.current).toMatchObject({ isUnreadable: true, quiz: null });
    expect(view.quiz).toBeNull();
    await expect(submit(RIGHT)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "learning.player.unreadable" },
    });
  });
});
