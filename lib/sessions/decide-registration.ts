import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { lockSession } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";
import { approvalResource } from "./approvers";
import { offerFreedSeats } from "./offer-freed-seats";
import { notifyUsers } from "../notifications/notify-users";
import { invalidInput } from "../errors/invalid-input";

export const ZDecideRegistrationInput = z
  .object({
    registrationId: z.string().min(1),
    decision: z.enum(["APPROVE", "REFUSE"]),
    comment: z.string().trim().max(2000).default(""),
  })
  .refine((input) => input.decision === "APPROVE" || input.comment.length > 0, {
    message: "say why the request is refused",
    path: ["comment"],
  });

/** The agent's manager (or, without one, a training officer of the institution) approves or refuses, with a comment. */
export async function decideRegistration(actor: TActor, input: z.input<typeof ZDecideRegistrationInput>) {
  const parsed = ZDecideRegistrationInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { registrationId, decision, comment } = parsed.data;
  const found = await db.registration.findUnique({
    where: { id: registrationId },
    select: { sessionId: true, user: { select: { managerId: true, institutionId: true } } },
  });
  if (!found) throw new AppError("NOT_FOUND", "This registration does not exist.");
  assertCan(actor, "enrolment.approve", approvalResource(found.user));
  return db.$transaction(async (tx) => {
    await lockSession(tx, found.sessionId);
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: {
        id: true,
        status: true,
        userId: true,
        user: { select: { institutionId: true } },
        session: {
          select: {
            courseVersion: { select: { title: true } },
            site: { select: { name: true, institution: { select: { timeZone: true } } } },
            slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
          },
        },
      },
    });
    const target = decision === "APPROVE" ? "CONFIRMED" : "REFUSED";
    if (registration.status === target) return registration; // the same decision twice changes nothing
    if (registration.status !== "PENDING_APPROVAL")
      throw localizedAppError("CONFLICT", "This registration is no longer waiting for a decision.", {
        messageKey: "errors.sessions.alreadyDecided",
        values: {},
      });
    await tx.registration.update({ where: { id: registrationId }, data: { status: target } });
    await tx.registrationStatusChange.create({
      data: {
        registrationId,
        fromStatus: "PENDING_APPROVAL",
        toStatus: target,
        actorId: actor.userId,
        comment: comment || null,
      },
    });
    if (target === "REFUSED") await offerFreedSeats(tx, found.sessionId);
    const first = registration.session.slots[0];
    await notifyUsers(tx, {
      userIds: [registration.userId],
      kind: target === "CONFIRMED" ? "registrationApproved" : "registrationRefused",
      link: `/sessions/${found.sessionId}`,
      params: {
        sessionId: found.sessionId,
        course: registration.session.courseVersion.title,
        site: registration.session.site.name,
        comment,
        ...slotDateParams(first, registration.session.site.institution?.timeZone),
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: `registration.${decision === "APPROVE" ? "approved" : "refused"}`,
        entityType: "Registration",
        entityId: registrationId,
        institutionId: registration.user.institutionId,
        data: { comment },
      },
    });
    return { id: registrationId, status: target };
  });
}
