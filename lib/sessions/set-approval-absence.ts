import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { canSometimes } from "../auth/permissions";
import { invalidInput } from "../errors/invalid-input";
import { hasDirectReports } from "../people/has-direct-reports";
import { localizedAppError } from "./localize-app-error";

export const ZSetApprovalAbsenceInput = z.object({
  /** Empty: back at work (the deputy no longer decides). */
  absentUntil: z
    .string()
    .max(40)
    .transform((value) => (value ? new Date(value) : null))
    .refine((value) => value === null || !Number.isNaN(value.getTime()), { message: "sessions.absence.errors.date" }),
  deputyEmail: z.string().trim().toLowerCase().max(320).default(""),
});

/**
 * A manager declares an absence and names a deputy of their institution: until `absentUntil` the
 * deputy sees and decides the requests of the manager's team, and new requests are sent to them.
 */
export async function setApprovalAbsence(
  actor: TActor,
  input: z.input<typeof ZSetApprovalAbsenceInput>,
  now = new Date(),
) {
  const parsed = ZSetApprovalAbsenceInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { absentUntil, deputyEmail } = parsed.data;
  // Anyone who approves somewhere (a manager, an officer) may name a deputy; assertCan on nothing refuses the others.
  if (!canSometimes(actor, "enrolment.approve")) assertCan(actor, "enrolment.approve", {});
  // A deputy stands in for a manager at the manager's step: someone without a team has no one to hand over.
  if (absentUntil && !(await hasDirectReports(actor.userId)))
    throw localizedAppError("FORBIDDEN", "Only a manager names a deputy.", {
      messageKey: "sessions.absence.errors.noTeam",
      values: {},
    });
  if (absentUntil && absentUntil <= now)
    throw localizedAppError("INVALID", "The absence must end in the future.", {
      messageKey: "sessions.absence.errors.past",
      values: {},
    });
  const deputy =
    absentUntil && deputyEmail
      ? await db.user.findFirst({
          where: { email: deputyEmail, institutionId: actor.institutionId ?? "", id: { not: actor.userId } },
          select: { id: true, name: true },
        })
      : null;
  if (absentUntil && !deputy)
    throw localizedAppError("INVALID", "Name a colleague of your institution as deputy.", {
      messageKey: "sessions.absence.errors.deputy",
      values: {},
    });
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { absentUntil, deputyId: absentUntil ? deputy!.id : null },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: absentUntil ? "approval.absenceDeclared" : "approval.absenceEnded",
        entityType: "User",
        entityId: actor.userId,
        institutionId: actor.institutionId,
        data: { absentUntil: absentUntil?.toISOString() ?? null, deputyId: deputy?.id ?? null },
      },
    });
    return { absentUntil, deputy };
  });
}
