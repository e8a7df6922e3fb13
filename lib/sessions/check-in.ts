import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { env } from "../env";
import { normalizeCheckInCode } from "./check-in-code";
import { invalidInput } from "../errors/invalid-input";
import { attendanceWindow } from "./attendance-window";
import { publishAttendedStatements } from "./publish-attended-statements";
import { applyAttendanceChange } from "./apply-attendance-change";

export const ZCheckInInput = z.object({
  code: z.string().trim().min(4).max(12),
  method: z.enum(["QR_CODE", "SHORT_CODE"]).default("SHORT_CODE"),
});

/**
 * An agent checks in with the half-day's code (typed, or read from the QR code). Valid from the
 * attendance grace before the half-day (RELAIS_ATTENDANCE_GRACE_MINUTES) until it ends, and only
 * for an agent with a confirmed registration; repeated check-ins keep the first record. The
 * presence, its audit row, its "attended" statement and the recomputed progress commit together.
 */
export async function checkIn(actor: TActor, input: z.input<typeof ZCheckInInput>, now = new Date()) {
  const parsed = ZCheckInInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const code = normalizeCheckInCode(parsed.data.code);
  const slots = await db.sessionSlot.findMany({
    where: { checkInCode: code, session: { status: { notIn: ["CANCELLED"] } } },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      sessionId: true,
      session: { select: { courseId: true, course: { select: { institutionId: true } } } },
    },
  });
  const current = slots.filter((slot) => {
    const window = attendanceWindow(slot);
    return now >= window.opensAt && now <= window.checkInClosesAt;
  });
  if (slots.length === 0)
    throw new AppError("INVALID", "code: this check-in code is unknown.", {
      messageKey: "sessions.checkIn.unknownCode",
      values: {},
    });
  if (current.length === 0)
    throw new AppError("CONFLICT", "This check-in code is only valid during its half-day.", {
      messageKey: "sessions.checkIn.outsideSlot",
      values: { minutes: env().RELAIS_ATTENDANCE_GRACE_MINUTES },
    });
  const registrations = await db.registration.findMany({
    where: { userId: actor.userId, status: "CONFIRMED", sessionId: { in: current.map((slot) => slot.sessionId) } },
    select: { id: true, sessionId: true },
  });
  const registration = registrations[0];
  if (!registration)
    throw new AppError("FORBIDDEN", "You are not registered for this session.", {
      messageKey: "sessions.checkIn.notRegistered",
      values: {},
    });
  const slot = current.find((candidate) => candidate.sessionId === registration.sessionId)!;
  return db.$transaction(
    async (tx) => {
      const existing = await tx.attendance.findUnique({
        where: { slotId_userId: { slotId: slot.id, userId: actor.userId } },
        select: { isPresent: true },
      });
      if (existing?.isPresent) return { slotId: slot.id, alreadyCheckedIn: true };
      await tx.attendance.upsert({
        where: { slotId_userId: { slotId: slot.id, userId: actor.userId } },
        create: {
          slotId: slot.id,
          userId: actor.userId,
          registrationId: registration.id,
          isPresent: true,
          method: parsed.data.method,
          recordedById: actor.userId,
          recordedAt: now,
        },
        update: { isPresent: true, method: parsed.data.method, recordedById: actor.userId, recordedAt: now },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "attendance.checkedIn",
          entityType: "SessionSlot",
          entityId: slot.id,
          institutionId: slot.session.course.institutionId,
          data: { method: parsed.data.method, previous: existing ? { isPresent: existing.isPresent } : null },
        },
      });
      await publishAttendedStatements(slot.id, { tx, now });
      await applyAttendanceChange(tx, {
        sessionId: slot.sessionId,
        courseId: slot.session.courseId,
        userIds: [actor.userId],
        actorId: actor.userId,
        reason: "checked in",
      });
      return { slotId: slot.id, alreadyCheckedIn: false };
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
