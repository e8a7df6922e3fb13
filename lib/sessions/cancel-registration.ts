import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { lockSession, sessionResource } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";
import { offerFreedSeats } from "./offer-freed-seats";
import { notifyUsers } from "../notifications/notify-users";
import { invalidInput } from "../errors/invalid-input";
import { publishAttendedStatements } from "./publish-attended-statements";
import { applyAttendanceChange } from "./apply-attendance-change";
import { isActiveRegistration } from "./session-actions";

export const ZCancelRegistrationInput = z.object({
  registrationId: z.string().min(1),
  reason: z.string().trim().max(1000).default(""),
});

/** The agent (their own) or the site's coordinator cancels a registration; the freed seat goes to the waitlist. */
export async function cancelRegistration(actor: TActor, input: z.input<typeof ZCancelRegistrationInput>) {
  const parsed = ZCancelRegistrationInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { registrationId, reason } = parsed.data;
  const found = await db.registration.findUnique({
    where: { id: registrationId },
    select: {
      sessionId: true,
      userId: true,
      user: { select: { institutionId: true } },
      session: { select: { siteId: true, courseId: true, course: { select: { institutionId: true } } } },
    },
  });
  const isOwn = found?.userId === actor.userId;
  if (!found || (!isOwn && !can(actor, "registration.manage", sessionResource(found.session)))) {
    // Same answer for "missing" and "not yours": registration ids of others are not revealed.
    throw new AppError(
      found && can(actor, "session.register") ? "FORBIDDEN" : "NOT_FOUND",
      "You cannot cancel this registration.",
    );
  }
  return db.$transaction(
    async (tx) => {
      await lockSession(tx, found.sessionId);
      const registration = await tx.registration.findUniqueOrThrow({
        where: { id: registrationId },
        select: {
          status: true,
          session: {
            select: {
              status: true,
              courseVersion: { select: { title: true } },
              site: { select: { name: true, institution: { select: { timeZone: true } } } },
              slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
            },
          },
        },
      });
      if (!isActiveRegistration(registration.status)) return;
      if (registration.session.status === "DONE")
        throw localizedAppError("CONFLICT", "This session is over.", {
          messageKey: "errors.sessions.sessionOver",
          values: {},
        });
      await tx.registration.update({
        where: { id: registrationId },
        data: { status: "CANCELLED", offerExpiresAt: null },
      });
      await tx.registrationStatusChange.create({
        data: {
          registrationId,
          fromStatus: registration.status,
          toStatus: "CANCELLED",
          actorId: actor.userId,
          comment: reason || null,
        },
      });
      await offerFreedSeats(tx, found.sessionId);
      // Half-days already attended lose their basis with the registration: their
      // attended statements are voided, progress and completion recomputed, certificates revoked.
      const attendedSlots = await tx.attendance.findMany({
        where: { registrationId, isPresent: true },
        select: { slotId: true },
      });
      if (attendedSlots.length > 0) {
        // The presences go with the registration, so every reader (indicators, records) stops counting them.
        await tx.attendance.updateMany({
          where: { registrationId, isPresent: true },
          data: { isPresent: false, recordedById: actor.userId, recordedAt: new Date() },
        });
        await tx.auditLog.create({
          data: {
            actorId: actor.userId,
            action: "attendance.withdrawn",
            entityType: "Registration",
            entityId: registrationId,
            institutionId: found.user.institutionId,
            data: { slotIds: attendedSlots.map((row) => row.slotId), reason: reason || "registration cancelled" },
          },
        });
      }
      for (const { slotId } of attendedSlots) await publishAttendedStatements(slotId, { tx });
      if (attendedSlots.length > 0)
        await applyAttendanceChange(tx, {
          sessionId: found.sessionId,
          courseId: found.session.courseId,
          userIds: [found.userId],
          actorId: actor.userId,
          reason: reason || "registration cancelled",
        });
      const first = registration.session.slots[0];
      await notifyUsers(tx, {
        userIds: [found.userId],
        kind: "registrationCancelled",
        link: `/sessions/${found.sessionId}`,
        params: {
          sessionId: found.sessionId,
          course: registration.session.courseVersion.title,
          site: registration.session.site.name,
          comment: reason,
          ...slotDateParams(first, registration.session.site.institution?.timeZone),
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "registration.cancelled",
          entityType: "Registration",
          entityId: registrationId,
          institutionId: found.user.institutionId,
          data: { reason, byAgent: isOwn },
        },
      });
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
