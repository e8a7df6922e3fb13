import { describe, expect, it } from "vitest";
import { db } from "../db";
import { evaluateCompletion, parseCompletionRules } from "../learning/completion-rules";
import { createEnrolment } from "../../testing/learning-fixtures";
import { registerForSession } from "./register-for-session";
import { recordRollCall } from "./record-roll-call";
import { completeFinishedSessions } from "./complete-finished-sessions";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";

const HOUR = 3600_000;
const NO_FACTS = {
  activities: [],
  completedKeys: new Set<string>(),
  attemptedQuizKeys: new Set<string>(),
  passedQuizKeys: new Set<string>(),
};

describe("attended hours in the completion rules (pure)", () => {
  it("attended time counts toward the minimum time, and a minimum of attended minutes is required when set", () => {
    const rules = parseCompletionRules({ minimumMinutes: 300 });
    expect(evaluateCompletion({ rules, ...NO_FACTS, timeSpentSeconds: 60 * 60 }).isComplete).toBe(false);
    // 1 h online + 3.5 h in person = 4.5 h < 5 h; + another half-day = 8 h.
    expect(
      evaluateCompletion({ rules, ...NO_FACTS, timeSpentSeconds: 3600, attendedSeconds: 3.5 * 3600 }).isComplete,
    ).toBe(false);
    expect(
      evaluateCompletion({ rules, ...NO_FACTS, timeSpentSeconds: 3600, attendedSeconds: 7 * 3600 }).isComplete,
    ).toBe(true);
    const hybrid = parseCompletionRules({ minimumAttendedMinutes: 420 });
    expect(
      evaluateCompletion({ rules: hybrid, ...NO_FACTS, timeSpentSeconds: 10 * 3600, attendedSeconds: 3.5 * 3600 })
        .isComplete,
    ).toBe(false);
    expect(
      evaluateCompletion({ rules: hybrid, ...NO_FACTS, timeSpentSeconds: 0, attendedSeconds: 7 * 3600 }).isComplete,
    ).toBe(true);
    // Bad values fall back to the strict defaults rather than passing everyone.
    expect(parseCompletionRules({ minimumAttendedMinutes: -5 })).toMatchObject({
      requiredActivities: "all",
      quizPassRequired: true,
      minimumMinutes: 0,
    });
  });
});

async function hybridSessionWithEnrolledAgent() {
  const context = await createSiteWithStaff();
  await db.courseVersion.update({
    where: { id: context.version.id },
    data: {
      completionRules: {
        requiredActivities: "all",
        quizPassRequired: true,
        minimumMinutes: 0,
        minimumAttendedMinutes: 420,
      },
    },
  });
  const session = await createOpenSession(context, 5);
  const [agent] = await createAgents(context.institution.id, 1);
  const registration = await registerForSession(agent!, { sessionId: session.id });
  const enrolment = await createEnrolment({
    userId: agent!.userId,
    courseId: context.course.id,
    versionId: context.version.id,
  });
  return { context, session, agent: agent!, registration, enrolment };
}

describe("hybrid courses: attended hours complete the enrolment (real database)", () => {
  it("the roll call of the second half-day (7 h attended) completes the enrolment and issues a certificate with the attended hours", async () => {
    const { context, session, registration, enrolment } = await hybridSessionWithEnrolledAgent();
    await recordRollCall(context.trainer, {
      slotId: session.slots[0]!.id,
      entries: [{ registrationId: registration.id, isPresent: true }],
    });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } })).toEqual({
      status: "ACTIVE",
    });
    await recordRollCall(context.trainer, {
      slotId: session.slots[1]!.id,
      entries: [{ registrationId: registration.id, isPresent: true }],
    });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } })).toEqual({
      status: "COMPLETED",
    });
    const certificate = await db.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    expect(certificate.details).toMatchObject({ attendedHours: 7 });
  });

  it("an absent agent does not complete", async () => {
    const { context, session, registration, enrolment } = await hybridSessionWithEnrolledAgent();
    for (const slot of session.slots)
      await recordRollCall(context.trainer, {
        slotId: slot.id,
        entries: [{ registrationId: registration.id, isPresent: false }],
      });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } })).toEqual({
      status: "ACTIVE",
    });
  });
});

describe("sessions become DONE after their last half-day (real database)", () => {
  /** Moves a session's half-days to a day of the 1990s no other test uses, so `now` only concerns this session. */
  async function moveToThePast(sessionId: string): Promise<Date> {
    const day = Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 3000) * 24 * HOUR;
    const slots = await db.sessionSlot.findMany({ where: { sessionId }, orderBy: { startsAt: "asc" } });
    for (const [index, slot] of slots.entries()) {
      await db.sessionSlot.update({
        where: { id: slot.id },
        data: {
          startsAt: new Date(day + (8 + index * 4.5) * HOUR),
          endsAt: new Date(day + (11.5 + index * 4.5) * HOUR),
        },
      });
    }
    return new Date(day + (11.5 + (slots.length - 1) * 4.5) * HOUR);
  }

  it("closes a session once its last half-day has ended, not before, once, audited; attendees' hybrid enrolments are recomputed", async () => {
    const { session, agent, registration, enrolment } = await hybridSessionWithEnrolledAgent();
    const lastEnd = await moveToThePast(session.id);
    // Attendance written before the change of rules would have completed it: the closing run recomputes.
    await db.attendance.createMany({
      data: session.slots.map((slot) => ({
        slotId: slot.id,
        userId: agent.userId,
        registrationId: registration.id,
        isPresent: true,
        method: "ROLL_CALL" as const,
      })),
    });

    expect(await completeFinishedSessions(new Date(lastEnd.getTime() - 60_000))).toBe(0);
    expect(await db.trainingSession.findUniqueOrThrow({ where: { id: session.id }, select: { status: true } })).toEqual(
      { status: "OPEN" },
    );

    const after = new Date(lastEnd.getTime() + 60_000);
    expect(await completeFinishedSessions(after)).toBeGreaterThanOrEqual(1);
    expect(await db.trainingSession.findUniqueOrThrow({ where: { id: session.id }, select: { status: true } })).toEqual(
      { status: "DONE" },
    );
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } })).toEqual({
      status: "COMPLETED",
    });
    await completeFinishedSessions(after);
    expect(await db.auditLog.count({ where: { entityId: session.id, action: "session.done" } })).toBe(1);
  });

  it("leaves cancelled sessions cancelled", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    await db.trainingSession.update({ where: { id: session.id }, data: { status: "CANCELLED" } });
    const lastEnd = await moveToThePast(session.id);
    await completeFinishedSessions(new Date(lastEnd.getTime() + 60_000));
    expect(await db.trainingSession.findUniqueOrThrow({ where: { id: session.id }, select: { status: true } })).toEqual(
      { status: "CANCELLED" },
    );
  });
});
