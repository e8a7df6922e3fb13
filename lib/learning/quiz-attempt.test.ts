import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createEnrolment, createPublishedCourse } from "../../testing/learning-fixtures";
import { submitQuizAttempt } from "./submit-quiz-attempt";
import { getLearnerEnrolmentOrThrow } from "./get-learner-enrolment";
import { recordQuizStatements } from "./record-quiz-statements";

const RIGHT = { q1: "a", q2: ["a", "c"], q3: "false", q4: "paris" };
const WRONG = { q1: "b" };

async function setUp() {
  const [a, b] = [await createInstitution(), await createInstitution()];
  const agent = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
  const stranger = await createUserWithRoles({ institutionId: b.id, roles: [{ role: "AGENT", institutionId: b.id }] });
  const course = await createPublishedCourse({
    institutionId: a.id,
    completionRules: { requiredActivities: "all", quizPassRequired: true, minimumMinutes: 0 },
  });
  const enrolment = await createEnrolment({ userId: agent.userId, courseId: course.id, versionId: course.versionId });
  return { agent, stranger, course, enrolment };
}

describe("quiz attempts scored on the server (real database)", () => {
  it("a submission retried with the same key counts once", async () => {
    const { agent, course, enrolment } = await setUp();
    const input = {
      enrolmentId: enrolment.id,
      activityKey: course.keys.quiz,
      idempotencyKey: randomUUID(),
      answers: RIGHT,
    };
    const [first, second] = await Promise.all([submitQuizAttempt(agent, input), submitQuizAttempt(agent, input)]);
    expect(first.attemptId).toBe(second.attemptId);
    expect([first.isReplay, second.isReplay].sort()).toEqual([false, true]);
    expect(await db.quizAttempt.count({ where: { enrolmentId: enrolment.id } })).toBe(1);
    expect(first).toMatchObject({ scaledScore: 1, isPassed: true, number: 1 });
    expect(first.questions[0]?.feedback).toMatchObject({ fr: "C'est 4." });
  });

  it("the attempt limit is enforced, and a failed attempt then a passed one keeps the best score", async () => {
    const { agent, course, enrolment } = await setUp();
    const submit = (answers: object) =>
      submitQuizAttempt(agent, {
        enrolmentId: enrolment.id,
        activityKey: course.keys.quiz,
        idempotencyKey: randomUUID(),
        answers: answers as typeof RIGHT,
      });
    expect(await submit(WRONG)).toMatchObject({ isPassed: false, scaledScore: 0, number: 1 });
    expect(await submit(RIGHT)).toMatchObject({ isPassed: true, number: 2 });
    await expect(submit(RIGHT)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.quizAttempt.count({ where: { enrolmentId: enrolment.id } })).toBe(2);
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).scaledScore).toBe(1);
  });

  it("someone else cannot submit for the enrolment or open it", async () => {
    const { stranger, course, enrolment } = await setUp();
    await expect(
      submitQuizAttempt(stranger, {
        enrolmentId: enrolment.id,
        activityKey: course.keys.quiz,
        idempotencyKey: randomUUID(),
        answers: RIGHT,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLearnerEnrolmentOrThrow(stranger, enrolment.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.quizAttempt.count({ where: { enrolmentId: enrolment.id } })).toBe(0);
  });

  it("a pending enrolment cannot take the quiz; bad inputs are refused with a message the learner can act on", async () => {
    const { agent, course, enrolment } = await setUp();
    const base = {
      enrolmentId: enrolment.id,
      activityKey: course.keys.quiz,
      idempotencyKey: randomUUID(),
      answers: RIGHT,
    };
    await expect(submitQuizAttempt(agent, { ...base, idempotencyKey: "not-a-uuid" })).rejects.toMatchObject({
      code: "INVALID",
      details: expect.objectContaining({ messageKey: "errors.learning.badQuizAnswers" }),
    });
    await expect(submitQuizAttempt(agent, { ...base, answers: { q99: "a" } })).rejects.toMatchObject({
      code: "INVALID",
      details: expect.objectContaining({ messageKey: "errors.learning.unknownQuestion" }),
    });
    await expect(submitQuizAttempt(agent, { ...base, activityKey: course.keys.lesson })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "PENDING_APPROVAL" } });
    await expect(submitQuizAttempt(agent, base)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("quiz attempts in the LRS (real database, real store)", () => {
  it("an attempt is recorded as answered ×4 and passed, and recording it again stores nothing new", async () => {
    const { agent, course, enrolment } = await setUp();
    const input = {
      enrolmentId: enrolment.id,
      activityKey: course.keys.quiz,
      idempotencyKey: randomUUID(),
      answers: RIGHT,
    };
    const outcome = await submitQuizAttempt(agent, input);
    await recordQuizStatements(agent, {
      enrolmentId: enrolment.id,
      activityKey: course.keys.quiz,
      outcome,
      answers: RIGHT,
    });
    const replay = await submitQuizAttempt(agent, input);
    await recordQuizStatements(agent, {
      enrolmentId: enrolment.id,
      activityKey: course.keys.quiz,
      outcome: replay,
      answers: RIGHT,
    });
    const rows = await db.xapiStatement.findMany({
      where: { registration: enrolment.registration },
      select: { verbId: true },
    });
    expect(rows.map((row) => row.verbId.split("/").pop()).sort()).toEqual([
      "answered",
      "answered",
      "answered",
      "answered",
      "passed",
    ]);
  });
});
