import { describe, expect, it } from "vitest";
import { decideSessionActions, isActiveRegistration } from "./session-actions";

const NOW = new Date("2031-03-01T10:00:00Z");
const OPEN = { status: "OPEN" as const, registrationDeadline: new Date("2031-03-02T00:00:00Z") };
const base = { session: OPEN, mine: null, mayRegister: true, maySchedule: false, hasAttendance: false, now: NOW };

describe("what a viewer may do on a session page", () => {
  it("an agent without a registration may register until the deadline, on the waitlist when full", () => {
    expect(decideSessionActions(base)).toMatchObject({ canRegister: true, isWaitlistOnly: false, canCancel: false });
    expect(decideSessionActions({ ...base, session: { ...OPEN, status: "FULL" } })).toMatchObject({
      canRegister: true,
      isWaitlistOnly: true,
    });
    const late = decideSessionActions({ ...base, now: new Date("2031-03-02T00:00:01Z") });
    expect(late).toMatchObject({ canRegister: false, isDeadlinePassed: true });
    expect(decideSessionActions({ ...base, mayRegister: false }).canRegister).toBe(false);
    for (const status of ["PLANNED", "CANCELLED", "DONE"] as const)
      expect(decideSessionActions({ ...base, session: { ...OPEN, status } }).canRegister).toBe(false);
  });

  it("an active registration may be cancelled, not made twice; a cancelled or refused one may register again", () => {
    for (const status of ["PENDING_APPROVAL", "CONFIRMED", "WAITLISTED", "OFFERED"] as const) {
      expect(isActiveRegistration(status)).toBe(true);
      expect(decideSessionActions({ ...base, mine: { status, offerExpiresAt: null } })).toMatchObject({
        canRegister: false,
        canCancel: true,
      });
    }
    for (const status of ["CANCELLED", "REFUSED"] as const) {
      expect(isActiveRegistration(status)).toBe(false);
      expect(decideSessionActions({ ...base, mine: { status, offerExpiresAt: null } })).toMatchObject({
        canRegister: true,
        canCancel: false,
      });
    }
    const done = {
      ...base,
      session: { ...OPEN, status: "DONE" as const },
      mine: { status: "CONFIRMED" as const, offerExpiresAt: null },
    };
    expect(decideSessionActions(done).canCancel).toBe(false);
  });

  it("an offer may be accepted until it expires", () => {
    const offered = (offerExpiresAt: Date) => ({ ...base, mine: { status: "OFFERED" as const, offerExpiresAt } });
    expect(decideSessionActions(offered(new Date("2031-03-01T11:00:00Z"))).canAccept).toBe(true);
    expect(decideSessionActions(offered(NOW)).canAccept).toBe(false);
  });

  it("staff may move a live session until attendance is taken, and cancel it while live", () => {
    const staff = { ...base, maySchedule: true };
    expect(decideSessionActions(staff)).toMatchObject({ canMove: true, canCancelSession: true });
    expect(decideSessionActions({ ...staff, hasAttendance: true })).toMatchObject({
      canMove: false,
      canCancelSession: true,
    });
    for (const status of ["CANCELLED", "DONE"] as const)
      expect(decideSessionActions({ ...staff, session: { ...OPEN, status } })).toMatchObject({
        canMove: false,
        canCancelSession: false,
      });
    expect(decideSessionActions(base)).toMatchObject({ canMove: false, canCancelSession: false });
  });

  it("during a pooled session's priority window only the requesters see Register; the others are told when it opens", () => {
    const until = new Date("2031-03-01T18:00:00Z");
    expect(decideSessionActions({ ...base, priority: { until, isPrioritized: true } })).toMatchObject({
      canRegister: true,
      registrationOpensAt: null,
    });
    expect(decideSessionActions({ ...base, priority: { until, isPrioritized: false } })).toMatchObject({
      canRegister: false,
      registrationOpensAt: until,
    });
    // Once the window has passed, everyone may register.
    expect(
      decideSessionActions({
        ...base,
        now: new Date("2031-03-01T18:00:00Z"),
        priority: { until, isPrioritized: false },
      }),
    ).toMatchObject({ canRegister: true, registrationOpensAt: null });
    // A window that outlasts the deadline never opens to the others: no date is promised.
    expect(
      decideSessionActions({
        ...base,
        priority: { until: new Date("2031-03-05T00:00:00Z"), isPrioritized: false },
      }),
    ).toMatchObject({ canRegister: false, registrationOpensAt: null });
    // Someone already registered is not told to wait.
    expect(
      decideSessionActions({
        ...base,
        mine: { status: "CONFIRMED", offerExpiresAt: null },
        priority: { until, isPrioritized: false },
      }),
    ).toMatchObject({ canRegister: false, registrationOpensAt: null, canCancel: true });
  });
});
