import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { runTransaction } from "../db/run-transaction";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import type { RegistrationStatus } from "../db/generated/enums";
import { getSessionOrThrow, lockSession, SEAT_HOLDING_STATUSES } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";
import { distanceKmOrNull } from "./geo";
import { findApproverIds } from "./approvers";
import { approvalFields } from "./approval-chain";
import { notifyUsers } from "../notifications/notify-users";
import { invalidInput } from "../errors/invalid-input";
import { isActiveRegistration } from "./session-actions";
import { assertPriorityWindowAllows } from "./priority-window";

export const ZRegisterInput = z.object({ sessionId: z.string().min(1) });

/**
 * An agent registers for a session. Under the session lock: a free seat is taken (confirmed, or
 * pending the manager's approval when the course requires it), else the agent joins the waitlist.
 * Registering twice returns the existing registration.
 */
export async function registerForSession(actor: TActor, input: z.input<typeof ZRegisterInput>, now = new Date()) {
  const parsed = ZRegisterInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { sessionId } = parsed.data;
  assertCan(actor, "session.register");
  // Under a burst (50 agents for the last seat) every request queues on the session lock: explicit
  // waits and bounded retries (lib/db/run-transaction.ts), so each gets a seat or the waitlist.
  return runTransaction(async (tx) => {
    await lockSession(tx, sessionId);
    const session = await getSessionOrThrow(tx, sessionId);
    const course = await tx.course.findUniqueOrThrow({
      where: { id: session.courseId },
      select: { visibility: true, institutionId: true },
    });
    if (course.visibility !== "NATIONAL" && course.institutionId !== actor.institutionId)
      throw new AppError("NOT_FOUND", "This session does not exist.");
    const existing = await tx.registration.findUnique({
      where: { sessionId_userId: { sessionId, userId: actor.userId } },
      select: { id: true, status: true },
    });
    if (existing && isActiveRegistration(existing.status)) return existing;
    if (session.status !== "OPEN" && session.status !== "FULL")
      throw localizedAppError("CONFLICT", "Registrations for this session are not open.", {
        messageKey: "errors.sessions.registrationsClosed",
        values: {},
      });
    if (now > session.registrationDeadline)
      throw localizedAppError("CONFLICT", "The registration deadline of this session has passed.", {
        messageKey: "errors.sessions.deadlinePassed",
        values: {},
      });
    await assertPriorityWindowAllows(tx, { session, userId: actor.userId, now });
    if (session.course.requiresOnlineBeforeSession) {
      const completed = await tx.enrolment.count({
        where: { userId: actor.userId, courseId: session.courseId, status: "COMPLETED" },
      });
      if (completed === 0)
        throw localizedAppError(
          "CONFLICT",
          "Complete the online part of this course before registering for its session.",
          { messageKey: "errors.sessions.onlinePartFirst", values: {} },
        );
    }
    const agent = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: {
        name: true,
        managerId: true,
        institutionId: true,
        workplaceLat: true,
        workplaceLng: true,
        manager: { select: { absentUntil: true, deputyId: true } },
        institution: { select: { approvalChain: true } },
      },
    });
    const taken = await tx.registration.count({ where: { sessionId, status: { in: [...SEAT_HOLDING_STATUSES] } } });
    const hasSeat = taken < session.capacity;
    const status: RegistrationStatus = !hasSeat
      ? "WAITLISTED"
      : session.course.requiresApproval
        ? "PENDING_APPROVAL"
        : "CONFIRMED";
    const data = {
      status,
      ...approvalFields({
        isPending: status === "PENDING_APPROVAL",
        courseChain: session.course.approvalChain,
        institutionChain: agent.institution?.approvalChain,
        now,
      }),
      waitlistedAt: status === "WAITLISTED" ? now : null,
      offerExpiresAt: null,
      distanceKm: distanceKmOrNull(
        { lat: agent.workplaceLat, lng: agent.workplaceLng },
        { lat: session.site.latitude, lng: session.site.longitude },
      ),
    };
    const registration = existing
      ? await tx.registration.update({ where: { id: existing.id }, data, select: { id: true, status: true } })
      : await tx.registration.create({
          data: { ...data, sessionId, userId: actor.userId },
          select: { id: true, status: true },
        });
    await tx.registrationStatusChange.create({
      data: {
        registrationId: registration.id,
        fromStatus: existing?.status ?? null,
        toStatus: status,
        actorId: actor.userId,
      },
    });
    if (hasSeat && taken + 1 >= session.capacity)
      await tx.trainingSession.update({ where: { id: sessionId }, data: { status: "FULL" } });
    const first = session.slots[0];
    const params = {
      sessionId,
      course: session.courseVersion.title,
      site: session.site.name,
      agent: agent.name,
      ...slotDateParams(first, session.site.institution?.timeZone),
    };
    const kind =
      status === "WAITLISTED"
        ? "registrationWaitlisted"
        : status === "PENDING_APPROVAL"
          ? "registrationPending"
          : "registrationConfirmed";
    await notifyUsers(tx, { userIds: [actor.userId], kind, params, link: `/sessions/${sessionId}` });
    if (status === "PENDING_APPROVAL")
      await notifyUsers(tx, {
        userIds: await findApproverIds(tx, agent, { now }),
        kind: "approvalRequested",
        params,
        link: "/approvals",
      });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "registration.created",
        entityType: "Registration",
        entityId: registration.id,
        institutionId: agent.institutionId,
        data: { sessionId, status },
      },
    });
    return registration;
  });
}
