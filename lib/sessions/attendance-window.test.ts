import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createEnrolment } from "../../testing/learning-fixtures";
import { getCertificatePdf } from "../certificates/get-certificate-pdf";
import { verifyCertificate } from "../certificates/verify-certificate";
import { getMyTrainingRecord } from "../records/get-my-training-record";
import { registerForSession } from "./register-for-session";
import { recordRollCall } from "./record-roll-call";
import { checkIn } from "./check-in";
import { cancelRegistration } from "./cancel-registration";
import { getAttendanceCertificate } from "./get-attendance-certificate";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ATTENDED = "http://adlnet.gov/expapi/verbs/attended";

/** An in-person course (7 h over two half-days) with one agent enrolled and registered. */
async function inPersonSession() {
  const context = await createSiteWithStaff();
  await db.course.update({ where: { id: context.course.id }, data: { modality: "IN_PERSON" } });
  const session = await createOpenSession(context, 5);
  const [agent] = await createAgents(context.institution.id, 1);
  const registration = await registerForSession(agent!, { sessionId: session.id });
  const enrolment = await createEnrolment({
    userId: agent!.userId,
    courseId: context.course.id,
    versionId: context.version.id,
  });
  const [morning, afternoon] = session.slots as [(typeof session.slots)[0], (typeof session.slots)[0]];
  const mark = (slot: typeof morning, isPresent: boolean, at: Date, reason?: string) =>
    recordRollCall(
      context.trainer,
      { slotId: slot.id, entries: [{ registrationId: registration.id, isPresent }], reason },
      at,
    );
  const reload = () =>
    db.enrolment.findUniqueOrThrow({
      where: { id: enrolment.id },
      select: { status: true, progressPercent: true, completedAt: true },
    });
  return { context, session, agent: agent!, registration, enrolment, morning, afternoon, mark, reload };
}

describe("attendance window (real database)", () => {
  it("a roll call two weeks before the half-day, or 31 minutes before it, is refused and writes nothing; 30 minutes before is accepted", async () => {
    const { morning, mark } = await inPersonSession();
    await expect(mark(morning, true, new Date(morning.startsAt.getTime() - 14 * DAY))).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "sessions.rollCall.notOpenYet", values: { minutes: 30 } },
    });
    await expect(mark(morning, true, new Date(morning.startsAt.getTime() - 31 * MINUTE))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.attendance.count({ where: { slotId: morning.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: morning.id } })).toBe(0);
    expect(
      await db.xapiStatement.count({ where: { verbId: ATTENDED, objectActivityId: { endsWith: morning.id } } }),
    ).toBe(0);
    await mark(morning, true, new Date(morning.startsAt.getTime() - 30 * MINUTE));
    expect(await db.attendance.count({ where: { slotId: morning.id, isPresent: true } })).toBe(1);
  });

  it("the roll call closes 7 days after the half-day; until then a correction needs a reason and is audited with who, when and why", async () => {
    const { context, morning, mark, agent } = await inPersonSession();
    await mark(morning, true, morning.startsAt);
    const late = new Date(morning.endsAt.getTime() + 7 * DAY - MINUTE);
    // No reason: refused, the presence stays.
    await expect(mark(morning, false, late)).rejects.toMatchObject({
      code: "INVALID",
      details: { messageKey: "sessions.rollCall.reasonRequired" },
    });
    await expect(mark(morning, false, late, "   ")).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.attendance.findFirstOrThrow({ where: { slotId: morning.id } })).toMatchObject({ isPresent: true });
    await mark(morning, false, late, "Absente l'après-midi, signalé par le service");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: morning.id, action: "attendance.corrected" },
    });
    expect(audit).toMatchObject({
      actorId: context.trainer.userId,
      data: {
        userId: agent.userId,
        isPresent: false,
        reason: "Absente l'après-midi, signalé par le service",
        previous: { isPresent: true, method: "ROLL_CALL", recordedById: context.trainer.userId },
      },
    });
    expect(audit.createdAt).toBeInstanceOf(Date);
    await expect(
      mark(morning, true, new Date(morning.endsAt.getTime() + 7 * DAY + MINUTE), "oubli"),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "sessions.rollCall.closed" },
    });
    expect(await db.attendance.findFirstOrThrow({ where: { slotId: morning.id } })).toMatchObject({ isPresent: false });
  });

  it("check-in opens 30 minutes before the half-day and closes when it ends", async () => {
    const { agent, morning } = await inPersonSession();
    const code = { code: morning.checkInCode! };
    await expect(checkIn(agent, code, new Date(morning.startsAt.getTime() - 31 * MINUTE))).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "sessions.checkIn.outsideSlot" },
    });
    await expect(checkIn(agent, code, new Date(morning.endsAt.getTime() + MINUTE))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(checkIn(agent, code, new Date(morning.startsAt.getTime() - 30 * MINUTE))).resolves.toMatchObject({
      alreadyCheckedIn: false,
    });
  });
});

describe("corrections withdraw what they produced (real database)", () => {
  it("in person: the whole session completes; present → absent voids the statement, undoes the completion and revokes the certificate, in one go", async () => {
    const { agent, enrolment, morning, afternoon, mark, reload, session } = await inPersonSession();
    await mark(morning, true, morning.startsAt);
    expect(await reload()).toMatchObject({ status: "ACTIVE", progressPercent: 50 });
    await mark(afternoon, true, afternoon.startsAt);
    expect(await reload()).toMatchObject({ status: "COMPLETED", progressPercent: 100 });
    // An in-person completion is certified by the session's attendance certificate, not an achievement one.
    expect(await db.certificate.count({ where: { enrolmentId: enrolment.id } })).toBe(0);
    const first = await getAttendanceCertificate(agent, { sessionId: session.id, userId: agent.userId });
    expect(first.certificate).toMatchObject({ kind: "ATTENDANCE", hours: 7 });

    await mark(afternoon, false, new Date(afternoon.endsAt.getTime() + DAY), "N'est pas revenu après la pause");
    expect(await reload()).toMatchObject({ status: "ACTIVE", progressPercent: 50, completedAt: null });
    const revoked = await db.certificate.findUniqueOrThrow({ where: { id: first.certificate.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await verifyCertificate(revoked.verificationCode)).toBe("REVOKED");
    const statements = await db.xapiStatement.findMany({
      where: { verbId: ATTENDED, objectActivityId: { endsWith: afternoon.id } },
      select: { id: true, isVoided: true },
    });
    expect(statements).toEqual([{ id: expect.any(String), isVoided: true }]);
    expect(
      await db.xapiStatement.count({
        where: { verbId: "http://adlnet.gov/expapi/verbs/voided", objectStatementId: statements[0]!.id },
      }),
    ).toBe(1);
    expect(
      await db.enrolmentStatusChange.count({
        where: { enrolmentId: enrolment.id, fromStatus: "COMPLETED", toStatus: "ACTIVE" },
      }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: first.certificate.id, action: "certificate.revoked" } })).toBe(
      1,
    );

    // Forged: the revoked certificate is not delivered again, and nothing changes.
    await expect(getCertificatePdf(agent, { certificateId: first.certificate.id })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "certificates.errors.revoked" },
    });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: first.certificate.id } })).revokedAt).toEqual(
      revoked.revokedAt,
    );
    // The half-day still attended is a basis of its own: a new certificate, a new code, 3.5 h.
    const second = await getAttendanceCertificate(agent, { sessionId: session.id, userId: agent.userId });
    expect(second.certificate).toMatchObject({ kind: "ATTENDANCE", hours: 3.5, revokedAt: null });
    expect(second.certificate.verificationCode).not.toBe(first.certificate.verificationCode);
  });

  it("a cancelled registration withdraws its presences: statement voided, certificate revoked, no certificate on request, no hours on the record", async () => {
    const { agent, registration, morning, mark, session } = await inPersonSession();
    await mark(morning, true, morning.startsAt);
    const issued = await getAttendanceCertificate(agent, { sessionId: session.id, userId: agent.userId });
    expect((await getMyTrainingRecord(agent)).totalHours).toBe(3.5);
    await cancelRegistration(agent, { registrationId: registration.id });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: issued.certificate.id } })).revokedAt).toBeInstanceOf(
      Date,
    );
    expect(
      await db.xapiStatement.findMany({
        where: { verbId: ATTENDED, objectActivityId: { endsWith: morning.id } },
        select: { isVoided: true },
      }),
    ).toEqual([{ isVoided: true }]);
    const before = await db.certificate.count({ where: { userId: agent.userId } });
    await expect(
      getAttendanceCertificate(agent, { sessionId: session.id, userId: agent.userId }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { messageKey: "certificates.errors.noBasis" },
    });
    expect(await db.certificate.count({ where: { userId: agent.userId } })).toBe(before);
    const record = await getMyTrainingRecord(agent);
    expect(record.totalHours).toBe(0);
    expect(record.certificates).toEqual([]);
    expect(record.sessionsAwaitingCertificate).toEqual([]);
  });

  it("concurrent requests for the same attendance certificate issue one", async () => {
    const { agent, morning, mark, session } = await inPersonSession();
    await mark(morning, true, morning.startsAt);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => getAttendanceCertificate(agent, { sessionId: session.id, userId: agent.userId })),
    );
    expect(new Set(results.map((result) => result.certificate.id)).size).toBe(1);
    expect(await db.certificate.count({ where: { sessionId: session.id, userId: agent.userId } })).toBe(1);
  });
});
