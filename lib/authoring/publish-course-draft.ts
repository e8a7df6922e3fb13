import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getAuthorableCourseOrThrow } from "./get-authorable-course";
import { CONFLICT_MESSAGE } from "./save-course-draft";
import { localizedAppError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";
import { notifyCommissionedModulePublished } from "../needs/notify-commissioned-module-published";

export const ZPublishCourseDraftInput = z.object({
  courseId: z.string().min(1).max(40),
  versionId: z.string().min(1).max(40),
  revision: z.number().int().min(0),
});
export type TPublishCourseDraftInput = z.infer<typeof ZPublishCourseDraftInput>;

/**
 * Publishing freezes the draft as the course's published version. The previous published version
 * is archived but kept: learners enrolled in it keep following it (their enrolment points to it).
 */
export async function publishCourseDraft(actor: TActor, input: TPublishCourseDraftInput) {
  const parsed = ZPublishCourseDraftInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, versionId, revision } = parsed.data;
  return db.$transaction(async (tx) => {
    const course = await getAuthorableCourseOrThrow(tx, actor, courseId);
    const activities = await tx.activity.count({ where: { module: { versionId } } });
    if (activities === 0)
      throw localizedAppError("INVALID", "modules: a course needs at least one activity before it is published", {
        messageKey: "errors.authoring.noActivity",
        values: {},
      });
    const { count } = await tx.courseVersion.updateMany({
      where: { id: versionId, courseId, status: "DRAFT", revision },
      data: { status: "PUBLISHED", publishedAt: new Date(), revision: { increment: 1 } },
    });
    if (count === 0)
      throw localizedAppError("CONFLICT", CONFLICT_MESSAGE, {
        messageKey: "errors.authoring.editConflict",
        values: {},
      });
    await tx.courseVersion.updateMany({
      where: { courseId, status: "PUBLISHED", id: { not: versionId } },
      data: { status: "ARCHIVED" },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "course.published",
        entityType: "CourseVersion",
        entityId: versionId,
        institutionId: course.institutionId,
        data: {},
      },
    });
    await notifyCommissionedModulePublished(tx, { courseId });
    return { versionId };
  });
}
