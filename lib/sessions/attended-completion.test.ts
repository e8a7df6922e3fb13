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
  const session = (attendedHours: number, sessionHours = 7) => ({
    attendedSeconds: attendedHours * 3600,
    sessionSeconds: sessionHours * 3600,
  });
  it("in person: the whole session by default, or the course's minimum of attended minutes; online facts do not count", () => {
    const rules = parseCompletionRules({});
    const inPerson = { rules, modality: "IN_PERSON" as const, ...NO_FACTS, timeSpentSeconds: 10 * 3600 };
    expect(evaluateCompletion({ ...inPerson, sessions: [] })).toEqual({ progressPercent: 0, isComplete: false });
    expect(evaluateCompletion({ ...inPerson, sessions: [session(3.5)] })).toEqual({
      progressPercent: 50,
      isComplete: false,
    });
    expect(evaluateCompletion({ ...inPerson, sessions: [session(7)] })).toEqual({
      progressPercent: 100,
      isComplete: true,
    });
    // Half-days of two sessions are not added up: the best session counts.
    expect(evaluateCompletion({ ...inPerson, sessions: [session(3.5), session(3.5)] }).isComplete).toBe(false);
    const half = parseCompletionRules({ minimumAttendedMinutes: 210 });
    expect(evaluateCompletion({ ...inPerson, rules: half, sessions: [session(3.5)] }).isComplete).toBe(true);
  });
  it("hybrid: the online part and the attended minutes; an online course ignores attendance", () => {
    const rules = parseCompletionRules({ minimumAttendedMinutes: 420 });
    const activities = [{ key: "l", kind: "LESSON" as const, isRequired: true }];
    const hybrid = { rules, modality: "HYBRID" as const, ...NO_FACTS, activities, timeSpentSeconds: 0 };
    expect(evaluateCompletion({ ...hybrid, sessions: [session(7)] })).toEqual({
      progressPercent: 50,
      isComplete: false,
    });
    expect(evaluateCompletion({ ...hybrid, completedKeys: new Set(["l"]), sessions: [session(3.5)] })).toEqual({
      progressPercent: 75,
      isComplete: false,
    });
    expect(evaluateCompletion({ ...hybrid, completedKeys: new Set(["l"]), sessions: [session(7)] }).isComplete).toBe(
      true,
    );
    // A hybrid version without online activity: the attended minutes alone.
    expect(evaluateCompletion({ ...hybrid, activities: [], sessions: [session(7)] }).isComplete).toBe(true);
    // Online: an empty course has nothing to complete; attendance is not a basis.
    expect(
      evaluateCompletion({ rules, modality: "ONLINE", ...NO_FACTS, timeSpentSeconds: 0, sessions: [session(7)] }),
    ).toEqual({ progressPercent: 0, isComplete: false });
    // Bad values fall back to the strict defaults rather than passing everyone.
    expect(parseCompletionRules({ minimumAttendedMinutes: -5 })).toMatchObject({
      requiredActivities: "all",
      quizPassRequired: true,
      minimumMinutes: 0,
      canImproveScore: false,
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
    await recordRollCall(
      context.trainer,
      { slotId: session.slots[0]!.id, entries: [{ registrationId: registration.id, isPresent: true }] },
      session.slots[0]!.startsAt,
    );
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } })).toEqual({
      status: "ACTIVE",
    });
    await recordRollCall(
      context.trainer,
      { slotId: session.slots[1]!.id, entries: [{ registrationId: registration.id, isPresent: true }] },
      session.slots[1]!.startsAt,
    );
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true } })).toEqual({
      status: "COMPLETED",
    });
    const certificate = await db.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    expect(certificate.details).toMatchObject({ attendedHours: 7 });
  });

  it("an absent agent does not complete", async () => {
    const { context, session, registration, enrolment } = await hybridSessionWithEnrolledAgent();
    for (const slot of session.slots)
      await recordRollCall(
        context.trainer,
        { slotId: slot.id, entries: [{ registrationId: registration.id, isPresent: false }] },
        slot.startsAt,
      );
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
