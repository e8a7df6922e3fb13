import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { z } from "zod";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { lockSession } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";
import { approvalResources, findApproverIds, type TApprovalAgent } from "./approvers";
import { offerFreedSeats } from "./offer-freed-seats";
import { notifyUsers } from "../notifications/notify-users";
import { invalidInput } from "../errors/invalid-input";
import type { ApprovalStep } from "../db/generated/enums";

export const ZDecideRegistrationInput = z
  .object({
    registrationId: z.string().min(1),
    decision: z.enum(["APPROVE", "REFUSE"]),
    comment: z.string().trim().max(2000).default(""),
    /** The step the decider saw; a request that has moved on since is not decided twice. */
    step: z.enum(["MANAGER", "OFFICER"]).optional(),
  })
  .refine((input) => input.decision === "APPROVE" || input.comment.length > 0, {
    message: "say why the request is refused",
    path: ["comment"],
  });

const AGENT_SELECT = {
  managerId: true,
  institutionId: true,
  manager: { select: { absentUntil: true, deputyId: true } },
} as const;

function assertMayDecide(actor: TActor, agent: TApprovalAgent, step: ApprovalStep | null, now: Date) {
  const resources = approvalResources(agent, step, now);
  if (!resources.some((resource) => can(actor, "enrolment.approve", resource)))
    assertCan(actor, "enrolment.approve", resources[0]!); // throws FORBIDDEN
}

/**
 * A request awaiting approval is decided at its step, with a comment (required on refusal):
 *   - manager's step: the agent's manager, or their deputy while they are away, or — for an agent
 *     without a manager — a training officer of the institution. When the request's chain has an
 *     officer's step, approving forwards it there (the officers are told) instead of confirming;
 *   - officer's step: a training officer of the agent's institution.
 * Refusing at any step ends the request and frees its seat. Decisions are serialized on the
 * session's lock; a second decision on a step already passed changes nothing.
 */
export async function decideRegistration(
  actor: TActor,
  input: z.input<typeof ZDecideRegistrationInput>,
  now = new Date(),
) {
  const parsed = ZDecideRegistrationInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { registrationId, decision, comment, step } = parsed.data;
  const found = await db.registration.findUnique({
    where: { id: registrationId },
    select: { sessionId: true, approvalStep: true, user: { select: AGENT_SELECT } },
  });
  if (!found) throw new AppError("NOT_FOUND", "This registration does not exist.");
  // Judged at the step the decider saw (a manager's repeated approval after forwarding is theirs to repeat, and changes nothing).
  assertMayDecide(actor, found.user, step ?? found.approvalStep, now);
  return db.$transaction(async (tx) => {
    await lockSession(tx, found.sessionId);
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: {
        id: true,
        status: true,
        approvalStep: true,
        isOfficerStepRequired: true,
        userId: true,
        user: { select: { name: true, ...AGENT_SELECT } },
        session: {
          select: {
            courseVersion: { select: { title: true } },
            site: { select: { name: true, institution: { select: { timeZone: true } } } },
            slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
          },
        },
      },
    });
    const isForward =
      decision === "APPROVE" && registration.isOfficerStepRequired && registration.approvalStep !== "OFFICER";
    const target = decision === "APPROVE" ? "CONFIRMED" : "REFUSED";
    if (registration.status === target) return { id: registrationId, status: target }; // the same decision twice changes nothing
    if (registration.status !== "PENDING_APPROVAL")
      throw localizedAppError("CONFLICT", "This registration is no longer waiting for a decision.", {
        messageKey: "errors.sessions.alreadyDecided",
        values: {},
      });
    if (step && registration.approvalStep && step !== registration.approvalStep) {
      // Approved at the manager's step by someone else (the deputy, say) meanwhile: nothing to do twice.
      if (decision === "APPROVE" && step === "MANAGER") return { id: registrationId, status: registration.status };
      throw localizedAppError("CONFLICT", "This registration is no longer waiting for a decision.", {
        messageKey: "errors.sessions.alreadyDecided",
        values: {},
      });
    }
    // The step may have moved between the first read and the lock: judge again on what is locked.
    assertMayDecide(actor, registration.user, registration.approvalStep, now);
    const first = registration.session.slots[0];
    const params = {
      sessionId: found.sessionId,
      course: registration.session.courseVersion.title,
      site: registration.session.site.name,
      agent: registration.user.name,
      comment,
      ...slotDateParams(first, registration.session.site.institution?.timeZone),
    };
    if (isForward) {
      await tx.registration.update({
        where: { id: registrationId },
        data: { approvalStep: "OFFICER", approvalStepSince: now, approvalRemindedAt: null },
      });
      await tx.registrationStatusChange.create({
        data: {
          registrationId,
          fromStatus: "PENDING_APPROVAL",
          toStatus: "PENDING_APPROVAL",
          actorId: actor.userId,
          comment: comment || null,
        },
      });
      await notifyUsers(tx, {
        userIds: [registration.userId],
        kind: "approvalForwarded",
        link: `/sessions/${found.sessionId}`,
        params,
      });
      await notifyUsers(tx, {
        userIds: await findApproverIds(tx, registration.user, { step: "OFFICER", now }),
        kind: "approvalRequested",
        link: "/approvals",
        params,
      });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "registration.approvedByManager",
          entityType: "Registration",
          entityId: registrationId,
          institutionId: registration.user.institutionId,
          data: { comment, step: "MANAGER" },
        },
      });
      return { id: registrationId, status: "PENDING_APPROVAL" as const, step: "OFFICER" as const };
    }
    await tx.registration.update({ where: { id: registrationId }, data: { status: target, approvalStep: null } });
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
    await notifyUsers(tx, {
      userIds: [registration.userId],
      kind: target === "CONFIRMED" ? "registrationApproved" : "registrationRefused",
      link: `/sessions/${found.sessionId}`,
      params,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: `registration.${decision === "APPROVE" ? "approved" : "refused"}`,
        entityType: "Registration",
        entityId: registrationId,
        institutionId: registration.user.institutionId,
        data: { comment, step: registration.approvalStep },
      },
    });
    return { id: registrationId, status: target };
  });
}
