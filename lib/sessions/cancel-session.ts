import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { getSessionOrThrow, lockSession, sessionResource } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";
import { notifyUsers } from "../notifications/notify-users";
import { invalidInput } from "../errors/invalid-input";
import { ACTIVE_REGISTRATION_STATUSES } from "./session-actions";

export const ZCancelSessionInput = z.object({
  sessionId: z.string().min(1),
  reason: z.string().trim().max(1000).default(""),
});

/** Cancels a session: its rooms and trainers are free again, and everyone registered is told why. */
export async function cancelSession(actor: TActor, input: z.input<typeof ZCancelSessionInput>) {
  const parsed = ZCancelSessionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { sessionId, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const session = await getSessionOrThrow(tx, sessionId);
    assertCan(actor, "session.schedule", sessionResource(session));
    await lockSession(tx, sessionId);
    if (session.status === "CANCELLED") return; // idempotent: a repeated click changes nothing
    if (session.status === "DONE")
      throw localizedAppError("CONFLICT", "A finished session cannot be cancelled.", {
        messageKey: "errors.sessions.finishedCannotCancel",
        values: {},
      });
    await tx.trainingSession.update({ where: { id: sessionId }, data: { status: "CANCELLED" } });
    const active = await tx.registration.findMany({
      where: { sessionId, status: { in: [...ACTIVE_REGISTRATION_STATUSES] } },
      select: { id: true, userId: true, status: true },
    });
    await tx.registration.updateMany({
      where: { id: { in: active.map((row) => row.id) } },
      data: { status: "CANCELLED", offerExpiresAt: null },
    });
    await tx.registrationStatusChange.createMany({
      data: active.map((row) => ({
        registrationId: row.id,
        fromStatus: row.status,
        toStatus: "CANCELLED" as const,
        actorId: actor.userId,
        comment: reason || "session cancelled",
      })),
    });
    const first = session.slots[0];
    await notifyUsers(tx, {
      userIds: active.map((row) => row.userId),
      kind: "sessionCancelled",
      link: `/sessions/${sessionId}`,
      params: {
        sessionId,
        course: session.courseVersion.title,
        site: session.site.name,
        comment: reason,
        ...slotDateParams(first, session.site.institution?.timeZone),
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "session.cancelled",
        entityType: "TrainingSession",
        entityId: sessionId,
        institutionId: session.course.institutionId,
        data: { reason, registrations: active.length },
      },
    });
  });
}
