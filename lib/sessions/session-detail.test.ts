import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createAgents, createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";
import { getSessionDetail } from "./get-session-detail";
import { registerForSession } from "./register-for-session";

describe("the session page's view model (real database)", () => {
  it("says what the agent and the coordinator may do next, and changes with the registration and the deadline", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 1);
    const [agent, other] = await createAgents(context.institution.id, 2);
    const before = await getSessionDetail(agent!, session.id);
    expect(before).toMatchObject({ canRegister: true, isWaitlistOnly: false, canCancel: false, canMove: false });
    expect(before.deadline).toEqual(session.registrationDeadline);

    const registration = await registerForSession(agent!, { sessionId: session.id });
    expect(await getSessionDetail(agent!, session.id)).toMatchObject({ canRegister: false, canCancel: true });
    // The one seat is taken: the other agent may only join the waitlist.
    await db.trainingSession.update({ where: { id: session.id }, data: { status: "FULL" } });
    expect(await getSessionDetail(other!, session.id)).toMatchObject({ canRegister: true, isWaitlistOnly: true });
    const afterDeadline = new Date(session.registrationDeadline.getTime() + 1000);
    expect(await getSessionDetail(other!, session.id, { now: afterDeadline })).toMatchObject({
      canRegister: false,
      isDeadlinePassed: true,
    });

    const staff = await getSessionDetail(context.coordinator, session.id);
    expect(staff).toMatchObject({ canMove: true, canCancelSession: true, canRegister: false });
    expect(staff.registrations.map((registration) => registration.canCancel)).toEqual([true]);
    // Once attendance is taken the session can no longer be moved (reschedule-session.ts refuses it too).
    await db.attendance.create({
      data: {
        slotId: session.slots[0]!.id,
        userId: agent!.userId,
        registrationId: registration.id,
        isPresent: true,
        method: "ROLL_CALL",
        recordedById: context.coordinator.userId,
      },
    });
    expect(await getSessionDetail(context.coordinator, session.id)).toMatchObject({
      canMove: false,
      canCancelSession: true,
    });
  });
});
