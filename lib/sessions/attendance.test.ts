import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { readPdfText } from "../../testing/read-pdf-text";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { registerForSession } from "./register-for-session";
import { recordRollCall } from "./record-roll-call";
import { checkIn } from "./check-in";
import { buildAttendanceSheet } from "./build-attendance-sheet";
import { getAttendanceCertificate } from "./get-attendance-certificate";
import { publishAttendedStatements } from "./publish-attended-statements";
import { verifyCertificate } from "../certificates/verify-certificate";
import { issueCertificate } from "../certificates/issue-certificate";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";

async function sessionWithAgents(count: number) {
  const context = await createSiteWithStaff();
  const session = await createOpenSession(context, 5);
  const agents = await createAgents(context.institution.id, count);
  const registrations = await Promise.all(agents.map((agent) => registerForSession(agent, { sessionId: session.id })));
  return { context, session, agents, registrations };
}

/** Ten minutes into the half-day: inside the attendance window. */
const during = (slot: { startsAt: Date }) => new Date(slot.startsAt.getTime() + 10 * 60_000);

describe("attendance (real database)", () => {
  it("the trainer takes the roll: present and absent recorded with who and how, audited, and an attended statement per present agent", async () => {
    const { context, session, agents, registrations } = await sessionWithAgents(2);
    const slot = session.slots[0]!;
    await recordRollCall(
      context.trainer,
      {
        slotId: slot.id,
        entries: [
          { registrationId: registrations[0]!.id, isPresent: true },
          { registrationId: registrations[1]!.id, isPresent: false },
        ],
      },
      during(slot),
    );
    const rows = await db.attendance.findMany({ where: { slotId: slot.id }, orderBy: { isPresent: "desc" } });
    expect(rows.map((row) => [row.userId, row.isPresent, row.method, row.recordedById])).toEqual([
      [agents[0]!.userId, true, "ROLL_CALL", context.trainer.userId],
      [agents[1]!.userId, false, "ROLL_CALL", context.trainer.userId],
    ]);
    expect(await db.auditLog.count({ where: { entityId: slot.id, action: "attendance.recorded" } })).toBe(2);
    const { statements, voiding } = await publishAttendedStatements(slot.id);
    expect(statements).toHaveLength(1);
    expect(voiding).toEqual([]);
    expect(statements[0]).toMatchObject({
      verb: { id: "http://adlnet.gov/expapi/verbs/attended" },
      result: { duration: "PT3H30M" },
      actor: { account: { name: agents[0]!.userId } },
    });
    // Stored in the LRS once, even when published again after another roll call.
    await publishAttendedStatements(slot.id);
    expect(await db.xapiStatement.count({ where: { id: statements[0]!.id } })).toBe(1);
    const stored = await db.xapiStatement.findUniqueOrThrow({
      where: { id: statements[0]!.id },
      select: { statement: true },
    });
    expect(stored.statement).toMatchObject({
      verb: { id: "http://adlnet.gov/expapi/verbs/attended" },
      object: { id: expect.stringContaining(`/slots/${slot.id}`) },
    });
  });

  it("a presence corrected to absent voids its attended statement in the LRS; present again gives a new statement", async () => {
    const { context, session, agents, registrations } = await sessionWithAgents(2);
    const slot = session.slots[0]!;
    const attended = {
      verbId: "http://adlnet.gov/expapi/verbs/attended",
      objectActivityId: { endsWith: `/slots/${slot.id}` },
    };
    await recordRollCall(
      context.trainer,
      {
        slotId: slot.id,
        entries: registrations.map((registration) => ({ registrationId: registration.id, isPresent: true })),
      },
      during(slot),
    );
    const first = await db.xapiStatement.findMany({
      where: attended,
      select: { id: true, isVoided: true, statement: true },
    });
    expect(first).toHaveLength(2);
    const ofAgent0 = first.find(
      (row) => (row.statement as { actor: { account: { name: string } } }).actor.account.name === agents[0]!.userId,
    )!;

    await recordRollCall(
      context.trainer,
      { slotId: slot.id, entries: [{ registrationId: registrations[0]!.id, isPresent: false }], reason: "parti à 9 h" },
      new Date(during(slot).getTime() + 60_000),
    );
    expect(
      await db.xapiStatement.findUniqueOrThrow({ where: { id: ofAgent0.id }, select: { isVoided: true } }),
    ).toEqual({ isVoided: true });
    const voiding = await db.xapiStatement.findMany({
      where: { verbId: "http://adlnet.gov/expapi/verbs/voided", objectStatementId: ofAgent0.id },
      select: { statement: true },
    });
    expect(voiding).toHaveLength(1);
    expect(voiding[0]!.statement).toMatchObject({
      object: { objectType: "StatementRef", id: ofAgent0.id },
      actor: { account: { name: "relais" } },
    });
    // The other agent's statement stands; publishing again voids nothing more.
    expect(await db.xapiStatement.count({ where: { ...attended, isVoided: false } })).toBe(1);
    expect((await publishAttendedStatements(slot.id)).voiding).toEqual([]);

    await recordRollCall(
      context.trainer,
      { slotId: slot.id, entries: [{ registrationId: registrations[0]!.id, isPresent: true }], reason: "revenu" },
      new Date(during(slot).getTime() + 120_000),
    );
    const live = await db.xapiStatement.findMany({ where: { ...attended, isVoided: false }, select: { id: true } });
    expect(live).toHaveLength(2);
    expect(live.map((row) => row.id)).not.toContain(ofAgent0.id);
  });

  it("a trainer of another institution or another site's coordinator cannot take the roll; unknown registrations are refused", async () => {
    const { session, registrations } = await sessionWithAgents(1);
    const other = await createSiteWithStaff();
    const entries = [{ registrationId: registrations[0]!.id, isPresent: true }];
    await expect(
      recordRollCall(other.trainer, { slotId: session.slots[0]!.id, entries }, during(session.slots[0]!)),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      recordRollCall(other.coordinator, { slotId: session.slots[0]!.id, entries }, during(session.slots[0]!)),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const context = await db.trainingSession.findUniqueOrThrow({ where: { id: session.id }, select: { siteId: true } });
    const coordinator = await createUserWithRoles({
      roles: [{ role: "SITE_COORDINATOR", relaySiteId: context.siteId }],
    });
    await expect(
      recordRollCall(
        coordinator,
        {
          slotId: session.slots[0]!.id,
          entries: [{ registrationId: "nope", isPresent: true }],
        },
        during(session.slots[0]!),
      ),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("check-in by code: valid only during the slot and only for a registered agent; twice keeps the first record", async () => {
    const { context, session, agents } = await sessionWithAgents(1);
    const slot = session.slots[0]!;
    const [stranger] = await createAgents(context.institution.id, 1);
    const during = new Date(slot.startsAt.getTime() + 10 * 60_000);
    await expect(
      checkIn(
        agents[0]!,
        { code: slot.checkInCode!, method: "SHORT_CODE" },
        new Date(slot.startsAt.getTime() - 2 * 3600_000),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      checkIn(agents[0]!, { code: slot.checkInCode!, method: "SHORT_CODE" }, new Date(slot.endsAt.getTime() + 60_000)),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(checkIn(stranger!, { code: slot.checkInCode! }, during)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(checkIn(agents[0]!, { code: "ZZZZZZ" }, during)).rejects.toMatchObject({ code: "INVALID" });
    expect(
      await checkIn(agents[0]!, { code: ` ${slot.checkInCode!.toLowerCase()} `, method: "QR_CODE" }, during),
    ).toMatchObject({ alreadyCheckedIn: false });
    expect(await checkIn(agents[0]!, { code: slot.checkInCode! }, during)).toMatchObject({ alreadyCheckedIn: true });
    expect(await db.attendance.findMany({ where: { slotId: slot.id } })).toMatchObject([
      { userId: agents[0]!.userId, method: "QR_CODE", isPresent: true, recordedAt: during },
    ]);
    // The afternoon's code does not check anyone into the morning.
    expect(await db.attendance.count({ where: { slotId: session.slots[1]!.id } })).toBe(0);
  });

  it("the attendance sheet PDF lists the trainees, one page per group of half-days; only staff of the session may print it", async () => {
    const { context, session, agents, registrations } = await sessionWithAgents(3);
    await recordRollCall(
      context.trainer,
      {
        slotId: session.slots[0]!.id,
        entries: [{ registrationId: registrations[0]!.id, isPresent: true }],
      },
      during(session.slots[0]!),
    );
    const bytes = await buildAttendanceSheet(context.coordinator, session.id);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain("Accueillir le public");
    const text = readPdfText(bytes);
    for (const agent of agents) expect(text).toContain(agent.name);
    expect(text).toContain(context.trainer.name);
    await expect(buildAttendanceSheet(agents[0]!, session.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("certificates: issued once after attendance, with attended hours; verifiable by code; only the agent or the coordinator gets it", async () => {
    const { context, session, agents, registrations } = await sessionWithAgents(2);
    await expect(
      getAttendanceCertificate(agents[0]!, { sessionId: session.id, userId: agents[0]!.userId }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await recordRollCall(
      context.trainer,
      {
        slotId: session.slots[0]!.id,
        entries: [{ registrationId: registrations[0]!.id, isPresent: true }],
      },
      during(session.slots[0]!),
    );
    const first = await getAttendanceCertificate(agents[0]!, { sessionId: session.id, userId: agents[0]!.userId });
    const again = await getAttendanceCertificate(context.coordinator, {
      sessionId: session.id,
      userId: agents[0]!.userId,
    });
    expect(again.certificate.id).toBe(first.certificate.id);
    expect(first.certificate).toMatchObject({ kind: "ATTENDANCE", hours: 3.5 });
    expect(first.certificate.details).toMatchObject({
      attendedHours: 3.5,
      evaluationResult: null,
      courseTitle: "Accueillir le public",
    });
    expect((await PDFDocument.load(first.pdf)).getTitle()).toContain("Attestation de formation");
    expect(await verifyCertificate(first.certificate.verificationCode)).toBe("VALID");
    expect(await verifyCertificate("NOPE-NOPE-NOPE")).toBe("UNKNOWN");
    await db.certificate.update({ where: { id: first.certificate.id }, data: { revokedAt: new Date() } });
    expect(await verifyCertificate(first.certificate.verificationCode)).toBe("REVOKED");
    await expect(
      getAttendanceCertificate(agents[1]!, { sessionId: session.id, userId: agents[0]!.userId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("issueCertificate is generic: an achievement needs its enrolment, bad hours are refused", async () => {
    const { context, agents } = await sessionWithAgents(1);
    const details = {
      agentName: "A",
      courseTitle: "C",
      objectives: "",
      modality: "ONLINE" as const,
      trainingType: "T1",
      declaredDurationMinutes: 60,
      dates: [],
      attendedHours: null,
      evaluationResult: "80 %",
      institutionName: "I",
      siteName: null,
    };
    await expect(
      issueCertificate({
        kind: "ACHIEVEMENT",
        userId: agents[0]!.userId,
        courseId: context.course.id,
        hours: 1,
        details,
      }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("enrolmentId") });
    await expect(
      issueCertificate({
        kind: "ATTENDANCE",
        userId: agents[0]!.userId,
        courseId: context.course.id,
        sessionId: "x",
        hours: -1,
        details,
      }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("hours") });
    const enrolment = await db.enrolment.create({
      data: {
        userId: agents[0]!.userId,
        courseId: context.course.id,
        courseVersionId: context.version.id,
        registration: crypto.randomUUID(),
        status: "COMPLETED",
      },
    });
    const certificate = await issueCertificate({
      kind: "ACHIEVEMENT",
      userId: agents[0]!.userId,
      courseId: context.course.id,
      enrolmentId: enrolment.id,
      hours: 1,
      details,
    });
    expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });
});
