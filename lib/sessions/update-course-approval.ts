import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidInput } from "../errors/invalid-input";
import { keyedError } from "../errors/localized-error";
import { ApprovalChain } from "../db/generated/enums";

export const ZUpdateCourseApprovalInput = z.object({
  courseId: z.string().min(1).max(40),
  /** "" follows the agent's institution's chain. */
  approvalChain: z.union([z.literal(""), z.enum(Object.values(ApprovalChain))], {
    message: "costs.errors.approvalChain",
  }),
});
export type TUpdateCourseApprovalInput = z.input<typeof ZUpdateCourseApprovalInput>;

/**
 * A course's editors (trainers of its institution) choose its approval chain: the agent's
 * institution's (none of its own), the manager alone, or the manager then the training officer.
 * It applies only when the course requires approval.
 */
export async function updateCourseApproval(actor: TActor, input: TUpdateCourseApprovalInput) {
  const parsed = ZUpdateCourseApprovalInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId } = parsed.data;
  const approvalChain = parsed.data.approvalChain || null;
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { institutionId: true, approvalChain: true },
  });
  if (!course) throw keyedError("NOT_FOUND", "costs.errors.course");
  assertCan(actor, "course.author", { institutionId: course.institutionId });
  return db.$transaction(async (tx) => {
    await tx.course.update({ where: { id: courseId }, data: { approvalChain } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "course.approval.updated",
        entityType: "Course",
        entityId: courseId,
        institutionId: course.institutionId,
        data: { before: course.approvalChain, after: approvalChain },
      },
    });
    return { approvalChain };
  });
}
