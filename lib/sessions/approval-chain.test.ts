import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { registerForSession } from "./register-for-session";
import { decideRegistration } from "./decide-registration";
import { cancelRegistration } from "./cancel-registration";
import { listPendingApprovals } from "./list-pending-approvals";
import { setApprovalAbsence } from "./set-approval-absence";
import { remindPendingApprovals } from "./remind-pending-approvals";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";

const DAY = 24 * 3600_000;

/** An institution whose registrations go to the manager, then the training officer; one agent, their manager, a colleague. */
async function createTwoStepContext(options: { chain?: "MANAGER" | "MANAGER_THEN_OFFICER" } = {}) {
  const context = await createSiteWithStaff({ requiresApproval: true });
  await db.institution.update({
    where: { id: context.institution.id },
    data: { approvalChain: options.chain ?? "MANAGER_THEN_OFFICER" },
  });
  const inInstitution = { institutionId: context.institution.id };
  const manager = await createUserWithRoles({ ...inInstitution, roles: [{ role: "AGENT", ...inInstitution }] });
  const colleague = await createUserWithRoles({ ...inInstitution, roles: [{ role: "AGENT", ...inInstitution }] });
  const officer = await createUserWithRoles({
    ...inInstitution,
    roles: [{ role: "TRAINING_OFFICER", ...inInstitution }],
  });
  const elsewhere = await createSiteWithStaff();
  const otherOfficer = await createUserWithRoles({
    institutionId: elsewhere.institution.id,
    roles: [{ role: "TRAINING_OFFICER", institutionId: elsewhere.institution.id }],
  });
  const session = await createOpenSession(context, 5);
  const [agent] = await createAgents(context.institution.id, 1, { managerId: manager.userId });
  return { context, manager, colleague, officer, otherOfficer, session, agent: agent! };
}

const registrationOf = (id: string) =>
  db.registration.findUniqueOrThrow({ where: { id }, select: { status: true, approvalStep: true } });

describe("approval in several steps (real database)", () => {
  it("the manager approves, the request goes to the training officer who confirms; each step is told, refused out of scope and audited", async () => {
    const { manager, officer, otherOfficer, session, agent } = await createTwoStepContext();
    const { id } = await registerForSession(agent, { sessionId: session.id });
    expect(await registrationOf(id)).toEqual({ status: "PENDING_APPROVAL", approvalStep: "MANAGER" });
    // At the manager's step the officer does not decide for an agent who has a manager.
    await expect(decideRegistration(officer, { registrationId: id, decision: "APPROVE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await listPendingApprovals(manager)).map((row) => [row.id, row.step])).toEqual([[id, "MANAGER"]]);
    const forwarded = await decideRegistration(manager, {
      registrationId: id,
      decision: "APPROVE",
      comment: "Favorable",
      step: "MANAGER",
    });
    expect(forwarded).toMatchObject({ status: "PENDING_APPROVAL", step: "OFFICER" });
    expect(await registrationOf(id)).toEqual({ status: "PENDING_APPROVAL", approvalStep: "OFFICER" });
    expect(await db.notification.count({ where: { userId: agent.userId, kind: "approvalForwarded" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: officer.userId, kind: "approvalRequested" } })).toBe(1);
    expect(await listPendingApprovals(manager)).toEqual([]);
    expect((await listPendingApprovals(officer)).map((row) => [row.id, row.step])).toEqual([[id, "OFFICER"]]);
    // The manager approving again (a double click) changes nothing; they cannot decide the officer's step.
    await decideRegistration(manager, { registrationId: id, decision: "APPROVE", step: "MANAGER" });
    await expect(decideRegistration(manager, { registrationId: id, decision: "APPROVE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      decideRegistration(otherOfficer, { registrationId: id, decision: "APPROVE", step: "OFFICER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listPendingApprovals(otherOfficer)).toEqual([]);
    await expect(
      decideRegistration(officer, { registrationId: id, decision: "REFUSE", comment: "", step: "OFFICER" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await decideRegistration(officer, { registrationId: id, decision: "APPROVE", step: "OFFICER" });
    expect(await registrationOf(id)).toEqual({ status: "CONFIRMED", approvalStep: null });
    const audit = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => row.action)).toEqual([
      "registration.created",
      "registration.approvedByManager",
      "registration.approved",
    ]);
  });

  it("a course's own chain overrides the institution's: one step, the manager confirms", async () => {
    const { context, manager, session, agent } = await createTwoStepContext();
    await db.course.update({ where: { id: context.course.id }, data: { approvalChain: "MANAGER" } });
    const { id } = await registerForSession(agent, { sessionId: session.id });
    await decideRegistration(manager, { registrationId: id, decision: "APPROVE", step: "MANAGER" });
    expect(await registrationOf(id)).toEqual({ status: "CONFIRMED", approvalStep: null });
  });

  it("the officer's refusal ends the request with its reason and frees the seat", async () => {
    const { manager, officer, session, agent } = await createTwoStepContext();
    const { id } = await registerForSession(agent, { sessionId: session.id });
    await decideRegistration(manager, { registrationId: id, decision: "APPROVE", step: "MANAGER" });
    await decideRegistration(officer, {
      registrationId: id,
      decision: "REFUSE",
      comment: "Budget épuisé",
      step: "OFFICER",
    });
    expect(await registrationOf(id)).toEqual({ status: "REFUSED", approvalStep: null });
    expect(
      await db.registrationStatusChange.findFirstOrThrow({ where: { registrationId: id, toStatus: "REFUSED" } }),
    ).toMatchObject({ actorId: officer.userId, comment: "Budget épuisé" });
    expect(await db.notification.count({ where: { userId: agent.userId, kind: "registrationRefused" } })).toBe(1);
  });

  it("while the manager is away their deputy is asked and decides; after the return the deputy no longer may; a deputy from elsewhere is refused", async () => {
    const { manager, colleague, otherOfficer, session, agent } = await createTwoStepContext({ chain: "MANAGER" });
    const now = new Date();
    await expect(
      setApprovalAbsence(manager, {
        absentUntil: new Date(now.getTime() + 7 * DAY).toISOString(),
        deputyEmail: otherOfficer.email,
      }),
    ).rejects.toMatchObject({ code: "INVALID", details: { messageKey: "sessions.absence.errors.deputy" } });
    await expect(
      setApprovalAbsence(manager, {
        absentUntil: new Date(now.getTime() - DAY).toISOString(),
        deputyEmail: colleague.email,
      }),
    ).rejects.toMatchObject({ code: "INVALID", details: { messageKey: "sessions.absence.errors.past" } });
    await setApprovalAbsence(manager, {
      absentUntil: new Date(now.getTime() + 7 * DAY).toISOString(),
      deputyEmail: colleague.email.toUpperCase(),
    });
    const { id } = await registerForSession(agent, { sessionId: session.id });
    expect(await db.notification.count({ where: { userId: colleague.userId, kind: "approvalRequested" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: manager.userId, kind: "approvalRequested" } })).toBe(0);
    const queue = await listPendingApprovals(colleague);
    expect(queue.map((row) => [row.id, row.isAsDeputy])).toEqual([[id, true]]);
    // After the manager's return (eight days later) the deputy's right has lapsed.
    const later = new Date(now.getTime() + 8 * DAY);
    await expect(
      decideRegistration(colleague, { registrationId: id, decision: "APPROVE", step: "MANAGER" }, later),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listPendingApprovals(colleague, later)).toEqual([]);
    await decideRegistration(colleague, { registrationId: id, decision: "APPROVE", step: "MANAGER" });
    expect(await registrationOf(id)).toMatchObject({ status: "CONFIRMED" });
    expect(await db.auditLog.count({ where: { entityId: manager.userId, action: "approval.absenceDeclared" } })).toBe(
      1,
    );
  });

  it("concurrency: the manager and the deputy approve at the same moment; the request moves on once", async () => {
    const { manager, colleague, officer, session, agent } = await createTwoStepContext();
    await setApprovalAbsence(manager, {
      absentUntil: new Date(Date.now() + 7 * DAY).toISOString(),
      deputyEmail: colleague.email,
    });
    const { id } = await registerForSession(agent, { sessionId: session.id });
    const results = await Promise.allSettled([
      decideRegistration(manager, { registrationId: id, decision: "APPROVE", step: "MANAGER" }),
      decideRegistration(colleague, { registrationId: id, decision: "APPROVE", step: "MANAGER" }),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await registrationOf(id)).toEqual({ status: "PENDING_APPROVAL", approvalStep: "OFFICER" });
    expect(await db.auditLog.count({ where: { entityId: id, action: "registration.approvedByManager" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: officer.userId, kind: "approvalRequested" } })).toBe(1);
  });

  it("the agent withdraws a request waiting at the officer's step; the officer can no longer decide it", async () => {
    const { manager, officer, session, agent } = await createTwoStepContext();
    const { id } = await registerForSession(agent, { sessionId: session.id });
    await decideRegistration(manager, { registrationId: id, decision: "APPROVE", step: "MANAGER" });
    await cancelRegistration(agent, { registrationId: id });
    expect(await registrationOf(id)).toMatchObject({ status: "CANCELLED" });
    await expect(
      decideRegistration(officer, { registrationId: id, decision: "APPROVE", step: "OFFICER" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await listPendingApprovals(officer)).toEqual([]);
  });

  it("reminders: after the institution's delay the step's approvers are recalled once, again after another delay, never after a decision", async () => {
    const { context, manager, officer, session, agent } = await createTwoStepContext();
    await db.institution.update({ where: { id: context.institution.id }, data: { approvalReminderDays: 2 } });
    const start = new Date();
    const { id } = await registerForSession(agent, { sessionId: session.id }, start);
    const reminders = (userId: string) => db.notification.count({ where: { userId, kind: "approvalReminder" } });
    await remindPendingApprovals(new Date(start.getTime() + DAY));
    expect(await reminders(manager.userId)).toBe(0);
    // Two workers at once after the delay: one reminder.
    await Promise.all([
      remindPendingApprovals(new Date(start.getTime() + 2 * DAY + 1000)),
      remindPendingApprovals(new Date(start.getTime() + 2 * DAY + 1000)),
    ]);
    expect(await reminders(manager.userId)).toBe(1);
    await remindPendingApprovals(new Date(start.getTime() + 3 * DAY));
    expect(await reminders(manager.userId)).toBe(1);
    await remindPendingApprovals(new Date(start.getTime() + 4 * DAY + 2000));
    expect(await reminders(manager.userId)).toBe(2);
    // Forwarded to the officer: the delay starts again at the officer's step, and recalls the officer.
    const forwardedAt = new Date(start.getTime() + 5 * DAY);
    await decideRegistration(manager, { registrationId: id, decision: "APPROVE", step: "MANAGER" }, forwardedAt);
    await remindPendingApprovals(new Date(forwardedAt.getTime() + 2 * DAY + 1000));
    expect([await reminders(manager.userId), await reminders(officer.userId)]).toEqual([2, 1]);
    await decideRegistration(officer, { registrationId: id, decision: "APPROVE", step: "OFFICER" });
    await remindPendingApprovals(new Date(forwardedAt.getTime() + 10 * DAY));
    expect(await reminders(officer.userId)).toBe(1);
  });
});
