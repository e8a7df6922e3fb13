import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { env } from "../env";
import { sessionResource } from "./session-access";
import { getSlotOrThrow } from "./attendance-access";
import { invalidInput } from "../errors/invalid-input";
import { attendanceWindow, formatWindowDate } from "./attendance-window";
import { publishAttendedStatements } from "./publish-attended-statements";
import { applyAttendanceChange } from "./apply-attendance-change";

export const ZRollCallInput = z.object({
  slotId: z.string().min(1).max(40),
  entries: z.array(z.object({ registrationId: z.string().min(1).max(40), isPresent: z.boolean() })).max(500),
  /** Why a presence already recorded changes (required then, kept in the audit log). */
  reason: z
    .string()
    .trim()
    .max(1000)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
    .default(""),
});

/**
 * The trainer (or the site's coordinator) takes the roll for a half-day:
 * - only within the attendance window (from the grace before the half-day until the closing
 *   days after it): a roll call for a half-day further ahead is refused, nothing is written;
 * - only confirmed registrations of this session can be marked;
 * - changing a presence already recorded is a correction: it needs a reason, and the audit row
 *   keeps who, when, why and the previous value;
 * - one transaction: attendance rows, audit rows, the LRS statements ("attended", or the voiding
 *   of the one a correction withdraws), the recomputed progress and completion, and the
 *   revocation of certificates whose basis went away.
 */
export async function recordRollCall(actor: TActor, input: z.input<typeof ZRollCallInput>, now = new Date()) {
  const parsed = ZRollCallInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { slotId, entries, reason } = parsed.data;
  const slot = await getSlotOrThrow(slotId);
  assertCan(actor, "attendance.record", sessionResource(slot.session));
  if (slot.session.status === "CANCELLED")
    throw new AppError("CONFLICT", "This session is cancelled.", {
      messageKey: "sessions.rollCall.cancelled",
      values: {},
    });
  const window = attendanceWindow(slot);
  const timeZone = slot.session.site.institution?.timeZone;
  if (now < window.opensAt)
    throw new AppError("CONFLICT", "The roll call of this half-day is not open yet.", {
      messageKey: "sessions.rollCall.notOpenYet",
      values: { date: formatWindowDate(window.opensAt, timeZone), minutes: env().RELAIS_ATTENDANCE_GRACE_MINUTES },
    });
  if (now > window.rollCallClosesAt)
    throw new AppError("CONFLICT", "The roll call of this half-day is closed.", {
      messageKey: "sessions.rollCall.closed",
      values: { date: formatWindowDate(window.rollCallClosesAt, timeZone) },
    });
  await db.$transaction(
    async (tx) => {
      const added: string[] = [];
      const withdrawn: string[] = [];
      const registrations = await tx.registration.findMany({
        where: { sessionId: slot.sessionId, status: "CONFIRMED" },
        select: { id: true, userId: true },
      });
      const previousRows = await tx.attendance.findMany({
        where: { slotId },
        select: { userId: true, isPresent: true, method: true, recordedById: true, recordedAt: true },
      });
      for (const entry of entries) {
        const registration = registrations.find((row) => row.id === entry.registrationId);
        if (!registration)
          throw new AppError("INVALID", `entries.registrationId: ${entry.registrationId} is not confirmed.`, {
            messageKey: "sessions.rollCall.notConfirmed",
            values: {},
          });
        const previous = previousRows.find((row) => row.userId === registration.userId);
        // A check-in by the agent stands unless the trainer changes the presence itself.
        if (previous && previous.isPresent === entry.isPresent) continue;
        if (previous && !reason)
          throw new AppError("INVALID", "reason: a correction needs a reason.", {
            messageKey: "sessions.rollCall.reasonRequired",
            values: {},
          });
        await tx.attendance.upsert({
          where: { slotId_userId: { slotId, userId: registration.userId } },
          create: {
            slotId,
            userId: registration.userId,
            registrationId: registration.id,
            isPresent: entry.isPresent,
            method: "ROLL_CALL",
            recordedById: actor.userId,
            recordedAt: now,
          },
          update: { isPresent: entry.isPresent, method: "ROLL_CALL", recordedById: actor.userId, recordedAt: now },
        });
        (previous?.isPresent && !entry.isPresent ? withdrawn : added).push(registration.userId);
        await tx.auditLog.create({
          data: {
            actorId: actor.userId,
            action: previous ? "attendance.corrected" : "attendance.recorded",
            entityType: "SessionSlot",
            entityId: slotId,
            institutionId: slot.session.course.institutionId,
            data: {
              userId: registration.userId,
              isPresent: entry.isPresent,
              method: "ROLL_CALL",
              reason: previous ? reason : null,
              previous: previous
                ? {
                    isPresent: previous.isPresent,
                    method: previous.method,
                    recordedById: previous.recordedById,
                    recordedAt: previous.recordedAt.toISOString(),
                  }
                : null,
            },
          },
        });
      }
      if (added.length + withdrawn.length === 0) return;
      await publishAttendedStatements(slotId, { tx, now });
      // A presence present → absent withdraws what it produced; a new presence changes the hours
      // an earlier attendance certificate of this session states, so that one goes too.
      await applyAttendanceChange(tx, {
        sessionId: slot.sessionId,
        courseId: slot.session.courseId,
        userIds: [...withdrawn, ...added],
        actorId: actor.userId,
        reason: reason || "attendance recorded",
      });
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
