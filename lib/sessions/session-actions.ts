// What a viewer may do next on a session page, decided from the session and their registration.
// The use cases enforce the same rules (register-for-session.ts, cancel-registration.ts,
// accept-offer.ts, reschedule-session.ts, cancel-session.ts); this says so in advance, so the
// page shows only the buttons that will work.
import type { RegistrationStatus, SessionStatus } from "../db/generated/enums";

/** Registrations still in play: a seat, a request awaiting approval, a place on the waitlist, an offer. */
export const ACTIVE_REGISTRATION_STATUSES = [
  "PENDING_APPROVAL",
  "CONFIRMED",
  "WAITLISTED",
  "OFFERED",
] as const satisfies readonly RegistrationStatus[];

export function isActiveRegistration(status: RegistrationStatus): boolean {
  return (ACTIVE_REGISTRATION_STATUSES as readonly RegistrationStatus[]).includes(status);
}

/** A session that is neither cancelled nor over can still be changed. */
export function isSessionLive(status: SessionStatus): boolean {
  return status !== "CANCELLED" && status !== "DONE";
}

export function decideSessionActions(options: {
  session: { status: SessionStatus; registrationDeadline: Date };
  mine: { status: RegistrationStatus; offerExpiresAt: Date | null } | null;
  /** The actor's right to register at all (session.register) and to schedule this session. */
  mayRegister: boolean;
  maySchedule: boolean;
  /** Attendance taken on any half-day: the session can no longer be moved. */
  hasAttendance: boolean;
  /**
   * A pooled session's priority window (lib/sessions/priority-window.ts): until `until`, only the
   * agents whose need it answers (`isPrioritized`) may register; the others are told when they can.
   */
  priority?: { until: Date | null; isPrioritized: boolean };
  now: Date;
}) {
  const { session, mine, now } = options;
  const isOpen = session.status === "OPEN" || session.status === "FULL";
  const hasActiveRegistration = mine !== null && isActiveRegistration(mine.status);
  const isDeadlinePassed = now > session.registrationDeadline;
  const priorityUntil = options.priority?.until ?? null;
  const isHeldByPriority = priorityUntil !== null && now < priorityUntil && !options.priority?.isPrioritized;
  const mayRegisterSomeday = options.mayRegister && isOpen && !isDeadlinePassed && !hasActiveRegistration;
  return {
    canRegister: mayRegisterSomeday && !isHeldByPriority,
    /** When registration opens to this viewer, who may not register yet because of the priority window. */
    registrationOpensAt:
      mayRegisterSomeday && isHeldByPriority && priorityUntil < session.registrationDeadline ? priorityUntil : null,
    /** Registering now puts the agent on the waitlist. */
    isWaitlistOnly: session.status === "FULL",
    canAccept: mine?.status === "OFFERED" && mine.offerExpiresAt !== null && mine.offerExpiresAt > now,
    canCancel: hasActiveRegistration && session.status !== "DONE",
    canMove: options.maySchedule && isSessionLive(session.status) && !options.hasAttendance,
    canCancelSession: options.maySchedule && isSessionLive(session.status),
    deadline: session.registrationDeadline,
    isDeadlinePassed,
  };
}

export type TSessionActions = ReturnType<typeof decideSessionActions>;
