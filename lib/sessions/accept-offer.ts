import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { lockSession } from "./session-access";
import { findApproverIds } from "./approvers";
import { approvalFields } from "./approval-chain";
import { notifyUsers } from "../notifications/notify-users";
import { invalidInput } from "../errors/invalid-input";

export const ZAcceptOfferInput = z.object({ registrationId: z.string().min(1) });

/**
 * The agent accepts the seat offered to them before the offer expires. Accepting twice (double
 * click, two tabs) returns the same registration: the seat counts once.
 */
export async function acceptOffer(actor: TActor, input: z.input<typeof ZAcceptOfferInput>, now = new Date()) {
  const parsed = ZAcceptOfferInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const found = await db.registration.findUnique({
    where: { id: parsed.data.registrationId },
    select: { id: true, sessionId: true, userId: true },
  });
  if (!found || found.userId !== actor.userId) throw new AppError("NOT_FOUND", "This offer does not exist.");
  return db.$transaction(async (tx) => {
    await lockSession(tx, found.sessionId);
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        id: true,
        status: true,
        offerExpiresAt: true,
        session: {
          select: {
            course: { select: { requiresApproval: true, approvalChain: true } },
            courseVersion: { select: { title: true } },
            site: { select: { name: true } },
          },
        },
      },
    });
    if (registration.status === "CONFIRMED" || registration.status === "PENDING_APPROVAL")
      return { id: registration.id, status: registration.status };
    if (registration.status !== "OFFERED")
      throw localizedAppError("CONFLICT", "No seat is offered to you for this session.", {
        messageKey: "errors.sessions.noOffer",
        values: {},
      });
    if (!registration.offerExpiresAt || registration.offerExpiresAt <= now)
      throw localizedAppError("CONFLICT", "This offer has expired; the seat was passed on.", {
        messageKey: "errors.sessions.offerExpired",
        values: {},
      });
    const status = registration.session.course.requiresApproval ? "PENDING_APPROVAL" : "CONFIRMED";
    const agent = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: {
        name: true,
        managerId: true,
        institutionId: true,
        manager: { select: { absentUntil: true, deputyId: true } },
        institution: { select: { approvalChain: true } },
      },
    });
    const approval = approvalFields({
      isPending: status === "PENDING_APPROVAL",
      courseChain: registration.session.course.approvalChain,
      institutionChain: agent.institution?.approvalChain,
      now,
    });
    await tx.registration.update({ where: { id: found.id }, data: { status, offerExpiresAt: null, ...approval } });
    await tx.registrationStatusChange.create({
      data: {
        registrationId: found.id,
        fromStatus: "OFFERED",
        toStatus: status,
        actorId: actor.userId,
        comment: "offer accepted",
      },
    });
    if (status === "PENDING_APPROVAL") {
      await notifyUsers(tx, {
        userIds: await findApproverIds(tx, agent, { now }),
        kind: "approvalRequested",
        link: "/approvals",
        params: {
          sessionId: found.sessionId,
          course: registration.session.courseVersion.title,
          site: registration.session.site.name,
          agent: agent.name,
        },
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "registration.offerAccepted",
        entityType: "Registration",
        entityId: found.id,
        institutionId: actor.institutionId,
        data: { status },
      },
    });
    return { id: found.id, status };
  });
}
