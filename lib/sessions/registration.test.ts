import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { registerForSession } from "./register-for-session";
import { decideRegistration } from "./decide-registration";
import { cancelRegistration } from "./cancel-registration";
import { acceptOffer } from "./accept-offer";
import { expireOffers } from "./expire-offers";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";

const status = async (registrationId: string) =>
  (await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).status;

describe("registration, approval and waitlist (real database)", () => {
  it("an agent registers: confirmed, distance from workplace stored, notified; registering twice returns the same row", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 3);
    const [agent] = await createAgents(context.institution.id, 1);
    const first = await registerForSession(agent!, { sessionId: session.id });
    const again = await registerForSession(agent!, { sessionId: session.id });
    expect(again.id).toBe(first.id);
    const row = await db.registration.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.status).toBe("CONFIRMED");
    expect(row.distanceKm).toBeGreaterThan(80);
    expect(await db.notification.count({ where: { userId: agent!.userId, kind: "registrationConfirmed" } })).toBe(1);
  });

  it("two agents taking the last seat at the same moment: exactly one gets it, the other is waitlisted", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 1);
    const agents = await createAgents(context.institution.id, 2);
    const results = await Promise.all(agents.map((agent) => registerForSession(agent, { sessionId: session.id })));
    expect(results.map((result) => result.status).sort()).toEqual(["CONFIRMED", "WAITLISTED"]);
    expect((await db.trainingSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("FULL");
  });

  it("ten agents racing for three seats: three confirmed, seven waitlisted", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 3);
    const agents = await createAgents(context.institution.id, 10);
    await Promise.all(agents.map((agent) => registerForSession(agent, { sessionId: session.id })));
    expect(await db.registration.count({ where: { sessionId: session.id, status: "CONFIRMED" } })).toBe(3);
    expect(await db.registration.count({ where: { sessionId: session.id, status: "WAITLISTED" } })).toBe(7);
  });

  it("a cancellation offers the seat to the first waitlisted; accepting twice counts once; the waitlist order holds", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 1);
    const [a, b, c] = await createAgents(context.institution.id, 3);
    const ra = await registerForSession(a!, { sessionId: session.id });
    const rb = await registerForSession(b!, { sessionId: session.id });
    const rc = await registerForSession(c!, { sessionId: session.id });
    await cancelRegistration(a!, { registrationId: ra.id, reason: "Empêchement" });
    expect(await status(rb.id)).toBe("OFFERED");
    expect(await status(rc.id)).toBe("WAITLISTED");
    expect(await db.notification.count({ where: { userId: b!.userId, kind: "seatOffered" } })).toBe(1);
    const accepted = await Promise.all([
      acceptOffer(b!, { registrationId: rb.id }),
      acceptOffer(b!, { registrationId: rb.id }),
    ]);
    expect(accepted.map((row) => row.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await db.registrationStatusChange.count({ where: { registrationId: rb.id, toStatus: "CONFIRMED" } })).toBe(
      1,
    );
    expect(await db.registration.count({ where: { sessionId: session.id, status: "CONFIRMED" } })).toBe(1);
    await expect(acceptOffer(c!, { registrationId: rc.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(acceptOffer(c!, { registrationId: rb.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an expired offer is passed on to the next in line and cannot be accepted any more", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 1);
    const [a, b, c] = await createAgents(context.institution.id, 3);
    const ra = await registerForSession(a!, { sessionId: session.id });
    const rb = await registerForSession(b!, { sessionId: session.id });
    const rc = await registerForSession(c!, { sessionId: session.id });
    await cancelRegistration(a!, { registrationId: ra.id });
    const later = new Date(Date.now() + 49 * 3600_000);
    await expect(acceptOffer(b!, { registrationId: rb.id }, later)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("expired"),
    });
    expect(await expireOffers(later)).toBeGreaterThanOrEqual(1);
    expect(await status(rb.id)).toBe("CANCELLED");
    expect(await status(rc.id)).toBe("OFFERED");
    expect(await db.notification.count({ where: { userId: b!.userId, kind: "offerExpired" } })).toBe(1);
  });

  it("approval: the manager approves with a comment; a refusal needs a comment and frees the seat; others cannot decide", async () => {
    const context = await createSiteWithStaff({ requiresApproval: true });
    const manager = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "AGENT", institutionId: context.institution.id }],
    });
    const officer = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: context.institution.id }],
    });
    const session = await createOpenSession(context, 1);
    const [a, b] = await createAgents(context.institution.id, 2, { managerId: manager.userId });
    const ra = await registerForSession(a!, { sessionId: session.id });
    expect(ra.status).toBe("PENDING_APPROVAL");
    expect(await db.notification.count({ where: { userId: manager.userId, kind: "approvalRequested" } })).toBe(1);
    const rb = await registerForSession(b!, { sessionId: session.id });
    expect(rb.status).toBe("WAITLISTED");
    // The training officer decides only for agents without a manager; an agent cannot approve themselves.
    await expect(decideRegistration(officer, { registrationId: ra.id, decision: "APPROVE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(decideRegistration(a!, { registrationId: ra.id, decision: "APPROVE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      decideRegistration(manager, { registrationId: ra.id, decision: "REFUSE", comment: "" }),
    ).rejects.toMatchObject({ code: "INVALID", userMessage: expect.stringContaining("comment") });
    await decideRegistration(manager, { registrationId: ra.id, decision: "REFUSE", comment: "Période chargée" });
    expect(await status(ra.id)).toBe("REFUSED");
    expect(await status(rb.id)).toBe("OFFERED");
    const change = await db.registrationStatusChange.findFirstOrThrow({
      where: { registrationId: ra.id, toStatus: "REFUSED" },
    });
    expect(change).toMatchObject({ actorId: manager.userId, comment: "Période chargée" });
    await acceptOffer(b!, { registrationId: rb.id });
    expect(await status(rb.id)).toBe("PENDING_APPROVAL");
    await decideRegistration(manager, { registrationId: rb.id, decision: "APPROVE", comment: "OK" });
    expect(await status(rb.id)).toBe("CONFIRMED");
  });

  it("without a manager, the institution's training officer decides; another institution's officer cannot", async () => {
    const context = await createSiteWithStaff({ requiresApproval: true });
    const officer = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: context.institution.id }],
    });
    const elsewhere = await createSiteWithStaff();
    const otherOfficer = await createUserWithRoles({
      institutionId: elsewhere.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: elsewhere.institution.id }],
    });
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    const registration = await registerForSession(agent!, { sessionId: session.id });
    expect(await db.notification.count({ where: { userId: officer.userId, kind: "approvalRequested" } })).toBe(1);
    await expect(
      decideRegistration(otherOfficer, { registrationId: registration.id, decision: "APPROVE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideRegistration(officer, { registrationId: registration.id, decision: "APPROVE" });
    expect(await status(registration.id)).toBe("CONFIRMED");
  });

  it("hybrid rule: the online part must be completed first", async () => {
    const context = await createSiteWithStaff({ requiresOnlineBeforeSession: true });
    const session = await createOpenSession(context, 2);
    const [agent] = await createAgents(context.institution.id, 1);
    await expect(registerForSession(agent!, { sessionId: session.id })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("online part"),
    });
    await db.enrolment.create({
      data: {
        userId: agent!.userId,
        courseId: context.course.id,
        courseVersionId: context.version.id,
        registration: crypto.randomUUID(),
        status: "COMPLETED",
        completedAt: new Date(),
      },
    });
    await expect(registerForSession(agent!, { sessionId: session.id })).resolves.toMatchObject({ status: "CONFIRMED" });
  });

  it("closed sessions, past deadlines and other agents' registrations are refused", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 2);
    const [a, b] = await createAgents(context.institution.id, 2);
    await expect(
      registerForSession(a!, { sessionId: session.id }, new Date(session.registrationDeadline.getTime() + 1000)),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("deadline") });
    const ra = await registerForSession(a!, { sessionId: session.id });
    await expect(cancelRegistration(b!, { registrationId: ra.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createSiteWithStaff();
    await expect(cancelRegistration(other.coordinator, { registrationId: ra.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await cancelRegistration(context.coordinator, { registrationId: ra.id, reason: "Doublon" });
    expect(await status(ra.id)).toBe("CANCELLED");
    await db.trainingSession.update({ where: { id: session.id }, data: { status: "PLANNED" } });
    await expect(registerForSession(b!, { sessionId: session.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(registerForSession(b!, { sessionId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
