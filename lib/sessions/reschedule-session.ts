import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { checkBookings } from "./check-bookings";
import { generateCheckInCode } from "./check-in-code";
import { invalidInput } from "../errors/invalid-input";
import { ZSlotInput } from "./schedule-session";
import { getSessionOrThrow, lockSession, sessionResource, SEAT_HOLDING_STATUSES } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";
import { notifyUsers } from "../notifications/notify-users";
import { offerFreedSeats } from "./offer-freed-seats";
import { timeZoneOf } from "../time/time-zone";
import { ACTIVE_REGISTRATION_STATUSES, isSessionLive } from "./session-actions";

export const ZRescheduleSessionInput = z.object({
  sessionId: z.string().min(1),
  capacity: z.coerce.number().int().min(1).max(500),
  registrationDeadline: z.coerce.date(),
  slots: z.array(ZSlotInput).min(1, "at least one half-day").max(40),
});
export type TRescheduleSessionInput = z.input<typeof ZRescheduleSessionInput>;

/**
 * Moves a session (new half-days, rooms, trainers, capacity). Refused once attendance was taken,
 * since the record of who was there must not lose its slots. Everyone registered is told.
 */
export async function rescheduleSession(actor: TActor, input: TRescheduleSessionInput) {
  const parsed = ZRescheduleSessionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const session = await getSessionOrThrow(tx, data.sessionId);
    assertCan(actor, "session.schedule", sessionResource(session));
    if (!isSessionLive(session.status))
      throw localizedAppError("CONFLICT", "A cancelled or finished session cannot be moved.", {
        messageKey: "errors.sessions.cannotMove",
        values: {},
      });
    await lockSession(tx, session.id);
    if ((await tx.attendance.count({ where: { slot: { sessionId: session.id } } })) > 0) {
      throw localizedAppError("CONFLICT", "Attendance was already taken for this session: it cannot be moved.", {
        messageKey: "errors.sessions.attendanceTaken",
        values: {},
      });
    }
    const timeZone = timeZoneOf(session.site);
    await checkBookings(tx, {
      siteId: session.siteId,
      capacity: data.capacity,
      slots: data.slots,
      excludeSessionId: session.id,
      timeZone,
    });
    const taken = await tx.registration.count({
      where: { sessionId: session.id, status: { in: [...SEAT_HOLDING_STATUSES] } },
    });
    if (data.capacity < taken)
      throw localizedAppError(
        "CONFLICT",
        `${taken} seats are already taken: cancel registrations before lowering the capacity to ${data.capacity}.`,
        { messageKey: "errors.sessions.capacityBelowTaken", values: { taken, capacity: data.capacity } },
      );
    await tx.sessionSlot.deleteMany({ where: { sessionId: session.id } });
    for (const slot of data.slots) {
      await tx.sessionSlot.create({
        data: {
          sessionId: session.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          halfDay: slot.halfDay,
          roomId: slot.roomId,
          checkInCode: generateCheckInCode(),
          trainers: { create: slot.trainerIds.map((userId) => ({ userId })) },
        },
      });
    }
    await tx.trainingSession.update({
      where: { id: session.id },
      data: { capacity: data.capacity, registrationDeadline: data.registrationDeadline },
    });
    await offerFreedSeats(tx, session.id);
    const registrants = await tx.registration.findMany({
      where: { sessionId: session.id, status: { in: [...ACTIVE_REGISTRATION_STATUSES] } },
      select: { userId: true },
    });
    const first = [...data.slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]!;
    await notifyUsers(tx, {
      userIds: registrants.map((row) => row.userId),
      kind: "sessionChanged",
      link: `/sessions/${session.id}`,
      params: {
        sessionId: session.id,
        course: session.courseVersion.title,
        site: session.site.name,
        ...slotDateParams(first, timeZone),
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "session.rescheduled",
        entityType: "TrainingSession",
        entityId: session.id,
        institutionId: session.course.institutionId,
        data: {
          from: session.slots.map((slot) => [slot.startsAt, slot.endsAt]),
          to: data.slots.map((slot) => [slot.startsAt, slot.endsAt]),
          capacity: data.capacity,
        },
      },
    });
  });
}
