import "server-only";
import { localizedAppError } from "../errors/localized-error";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";
import { courseWhereForActor, LATEST_PUBLISHED_VERSION } from "../catalog/course-where";

export const ZEnrolInput = z.object({ courseId: z.string().min(1).max(40) });
export type TEnrolInput = z.infer<typeof ZEnrolInput>;

const OPEN_STATUSES = ["PENDING_APPROVAL", "ACTIVE", "COMPLETED"] as const;

/**
 * Enrols the actor in the latest published version of a course they may see, or files an
 * approval request when the course requires one. Idempotent: enrolling twice returns the
 * existing enrolment; a refused or cancelled one may be requested again.
 */
export async function enrolInCourse(actor: TActor, input: TEnrolInput) {
  const parsed = ZEnrolInput.safeParse(input);
  if (!parsed.success)
    throw localizedAppError("INVALID", "Choose a course.", {
      messageKey: "errors.learning.courseRequired",
      values: {},
    });
  assertCan(actor, "course.enrol");
  const course = await db.course.findFirst({
    where: { AND: [{ id: parsed.data.courseId }, courseWhereForActor(actor)] },
    select: {
      id: true,
      institutionId: true,
      requiresApproval: true,
      versions: { ...LATEST_PUBLISHED_VERSION, select: { id: true } },
    },
  });
  const version = course?.versions[0];
  if (!course || !version) throw new AppError("NOT_FOUND", "This course does not exist or is not open to you.");
  const status = course.requiresApproval ? "PENDING_APPROVAL" : "ACTIVE";

  return db.$transaction(async (tx) => {
    // Row lock on the user: two concurrent clicks serialise here instead of racing on the unique key.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId} FOR UPDATE`;
    const existing = await tx.enrolment.findUnique({
      where: { userId_courseId: { userId: actor.userId, courseId: course.id } },
      select: { id: true, status: true },
    });
    if (existing && (OPEN_STATUSES as readonly string[]).includes(existing.status))
      return { enrolmentId: existing.id, status: existing.status, isNew: false };
    const enrolment = existing
      ? await tx.enrolment.update({
          where: { id: existing.id },
          data: { status, courseVersionId: version.id, enrolledAt: new Date(), completedAt: null },
          select: { id: true },
        })
      : await tx.enrolment.create({
          data: {
            userId: actor.userId,
            courseId: course.id,
            courseVersionId: version.id,
            registration: randomUUID(),
            status,
          },
          select: { id: true },
        });
    await tx.enrolmentStatusChange.create({
      data: {
        enrolmentId: enrolment.id,
        fromStatus: existing?.status ?? null,
        toStatus: status,
        actorId: actor.userId,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: status === "ACTIVE" ? "enrolment.created" : "enrolment.requested",
        entityType: "Enrolment",
        entityId: enrolment.id,
        institutionId: actor.institutionId,
        data: { courseId: course.id, courseVersionId: version.id },
      },
    });
    return { enrolmentId: enrolment.id, status, isNew: true };
  });
}
