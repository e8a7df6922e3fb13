import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";
import { enrolInCourse } from "../learning/enrol-in-course";
import { decideEnrolment } from "../learning/decide-enrolment";
import { registerForSession } from "../sessions/register-for-session";
import { decideRegistration } from "../sessions/decide-registration";
import { setApprovalAbsence } from "../sessions/set-approval-absence";
import { listApprovalInbox } from "./list-approval-inbox";
import { getApprovalSummary } from "./get-approval-summary";
import { listWaitingItems } from "../home/list-waiting-items";

const DAY = 24 * 3600_000;

/** A course and a session that both require approval; an agent, their manager, a colleague without a team, officers. */
async function createContext() {
  const context = await createSiteWithStaff({ requiresApproval: true });
  await db.institution.update({ where: { id: context.institution.id }, data: { approvalChain: "MANAGER" } });
  const inInstitution = { institutionId: context.institution.id };
  const manager = await createUserWithRoles({ ...inInstitution, roles: [{ role: "AGENT", ...inInstitution }] });
  const colleague = await createUserWithRoles({ ...inInstitution, roles: [{ role: "AGENT", ...inInstitution }] });
  const officer = await createUserWithRoles({
    ...inInstitution,
    roles: [{ role: "TRAINING_OFFICER", ...inInstitution }],
  });
  const elsewhere = await createSiteWithStaff();
  const otherManager = await createUserWithRoles({
    institutionId: elsewhere.institution.id,
    roles: [{ role: "AGENT", institutionId: elsewhere.institution.id }],
  });
  await createAgents(elsewhere.institution.id, 1, { managerId: otherManager.userId });
  const session = await createOpenSession(context, 5);
  const [agent] = await createAgents(context.institution.id, 1, { managerId: manager.userId });
  return { context, manager, colleague, officer, otherManager, session, agent: agent! };
}

describe("the approvals inbox (real database)", () => {
  it("holds the manager's enrolment and session requests together, counted in the navigation; decided through each domain, they leave it", async () => {
    const { context, manager, colleague, otherManager, session, agent } = await createContext();
    const enrolment = await enrolInCourse(agent, { courseId: context.course.id });
    const registration = await registerForSession(agent, { sessionId: session.id });

    const inbox = await listApprovalInbox(manager);
    expect(inbox.enrolments.map((row) => row.id)).toEqual([enrolment.enrolmentId]);
    expect(inbox.registrations.map((row) => [row.id, row.step])).toEqual([[registration.id, "MANAGER"]]);
    expect(inbox).toMatchObject({ total: 2, canDeclareAbsence: true });
    expect(await getApprovalSummary(manager)).toEqual({ isApprover: true, pendingCount: 2 });
    expect(await listWaitingItems(manager)).toContainEqual({ kind: "approvals", count: 2, href: "/approvals" });
    // The agent's own home says their two requests wait.
    expect(await listWaitingItems(agent)).toContainEqual({ kind: "ownRequests", count: 2, href: "/learn" });

    // A colleague without a team, and a manager of another institution, see nothing and are no approvers.
    expect(await listApprovalInbox(colleague)).toMatchObject({ total: 0, canDeclareAbsence: false });
    expect(await getApprovalSummary(colleague)).toEqual({ isApprover: false, pendingCount: 0 });
    expect((await listWaitingItems(colleague)).map((item) => item.kind)).not.toContain("approvals");
    expect(await listApprovalInbox(otherManager)).toMatchObject({ total: 0, enrolments: [], registrations: [] });
    expect(await getApprovalSummary(otherManager)).toEqual({ isApprover: true, pendingCount: 0 });
    // …nor may they decide what the inbox does not show them.
    await expect(
      decideEnrolment(otherManager, { enrolmentId: enrolment.enrolmentId, decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      decideRegistration(otherManager, { registrationId: registration.id, decision: "APPROVE", step: "MANAGER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await decideEnrolment(manager, { enrolmentId: enrolment.enrolmentId, decision: "approve" });
    await decideRegistration(manager, { registrationId: registration.id, decision: "APPROVE", step: "MANAGER" });
    expect(await listApprovalInbox(manager)).toMatchObject({ total: 0, enrolments: [], registrations: [] });
    expect(await getApprovalSummary(manager)).toEqual({ isApprover: true, pendingCount: 0 });
  });

  it("an officer's inbox holds the requests of agents without a manager; a deputy's holds the absent manager's team", async () => {
    const { context, manager, colleague, officer, session, agent } = await createContext();
    const [orphan] = await createAgents(context.institution.id, 1);
    const orphanRequest = await enrolInCourse(orphan!, { courseId: context.course.id });
    const officerInbox = await listApprovalInbox(officer);
    expect(officerInbox.enrolments.map((row) => row.id)).toContain(orphanRequest.enrolmentId);
    // Officers decide, but have no team: no absence form for them.
    expect(officerInbox.canDeclareAbsence).toBe(false);

    await setApprovalAbsence(manager, {
      absentUntil: new Date(Date.now() + 7 * DAY).toISOString(),
      deputyEmail: colleague.email,
    });
    const registration = await registerForSession(agent, { sessionId: session.id });
    const deputyInbox = await listApprovalInbox(colleague);
    expect(deputyInbox.registrations.map((row) => [row.id, row.isAsDeputy])).toEqual([[registration.id, true]]);
    expect(deputyInbox.canDeclareAbsence).toBe(false);
    expect(await getApprovalSummary(colleague)).toEqual({ isApprover: true, pendingCount: 1 });
  });

  it("someone without a team cannot declare an absence (a forged post of the hidden form is refused, nothing written)", async () => {
    const { colleague, manager } = await createContext();
    await expect(
      setApprovalAbsence(colleague, {
        absentUntil: new Date(Date.now() + 7 * DAY).toISOString(),
        deputyEmail: manager.email,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", details: { messageKey: "sessions.absence.errors.noTeam" } });
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: colleague.userId },
        select: { absentUntil: true, deputyId: true },
      }),
    ).toEqual({ absentUntil: null, deputyId: null });
    // Ending an absence (no date) stays possible for anyone: it only clears their own row.
    await expect(setApprovalAbsence(colleague, { absentUntil: "", deputyEmail: "" })).resolves.toBeDefined();
  });
});
