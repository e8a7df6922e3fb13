import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { sessionResource } from "./session-access";
import { getSlotOrThrow } from "./attendance-access";
import { invalidInput } from "../errors/invalid-input";
import { publishAttendedStatements } from "./publish-attended-statements";
import { recomputeAttendedProgress } from "./recompute-attended-progress";

export const ZRollCallInput = z.object({
  slotId: z.string().min(1),
  entries: z.array(z.object({ registrationId: z.string().min(1), isPresent: z.boolean() })).max(500),
});

/**
 * The trainer (or the site's coordinator) takes the roll for a half-day. Only confirmed
 * registrations of this session can be marked; each change is kept with who recorded it and how.
 */
export async function recordRollCall(actor: TActor, input: z.input<typeof ZRollCallInput>) {
  const parsed = ZRollCallInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { slotId, entries } = parsed.data;
  const slot = await getSlotOrThrow(slotId);
  assertCan(actor, "attendance.record", sessionResource(slot.session));
  if (slot.session.status === "CANCELLED") throw new AppError("CONFLICT", "This session is cancelled.");
  await db.$transaction(async (tx) => {
    const changedUserIds: string[] = [];
    const registrations = await tx.registration.findMany({
      where: { sessionId: slot.sessionId, status: "CONFIRMED" },
      select: { id: true, userId: true },
    });
    for (const entry of entries) {
      const registration = registrations.find((row) => row.id === entry.registrationId);
      if (!registration)
        throw new AppError(
          "INVALID",
          `entries.registrationId: ${entry.registrationId} is not a confirmed registration of this session.`,
        );
      const previous = await tx.attendance.findUnique({
        where: { slotId_userId: { slotId, userId: registration.userId } },
        select: { isPresent: true, method: true },
      });
      // A check-in by the agent stands unless the trainer changes the presence itself.
      if (previous && previous.isPresent === entry.isPresent) continue;
      await tx.attendance.upsert({
        where: { slotId_userId: { slotId, userId: registration.userId } },
        create: {
          slotId,
          userId: registration.userId,
          registrationId: registration.id,
          isPresent: entry.isPresent,
          method: "ROLL_CALL",
          recordedById: actor.userId,
        },
        update: { isPresent: entry.isPresent, method: "ROLL_CALL", recordedById: actor.userId, recordedAt: new Date() },
      });
      changedUserIds.push(registration.userId);
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "attendance.recorded",
          entityType: "SessionSlot",
          entityId: slotId,
          institutionId: slot.session.course.institutionId,
          data: {
            userId: registration.userId,
            isPresent: entry.isPresent,
            method: "ROLL_CALL",
            previous: previous ? { isPresent: previous.isPresent, method: previous.method } : null,
          },
        },
      });
    }
    await recomputeAttendedProgress(tx, { courseId: slot.session.courseId, userIds: changedUserIds });
  });
  await publishAttendedStatements(slotId);
}
