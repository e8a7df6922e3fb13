import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { recomputeEnrolmentProgress } from "../learning/recompute-enrolment-progress";
import { getAuthorableCourseOrThrow } from "./get-authorable-course";
import { localizedAppError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";

export const ZMigrateLearnersInput = z.object({
  courseId: z.string().min(1).max(40),
  versionId: z.string().min(1).max(40),
});
export type TMigrateLearnersInput = z.infer<typeof ZMigrateLearnersInput>;

/**
 * Moves the learners still in progress on an older version to the published one the trainer
 * saw (versionId: if another version was published meanwhile, CONFLICT rather than a surprise).
 * Activity keys are stable across versions, so what the statements already proved (activities
 * done, quiz attempts) carries over; progress is then recomputed against the new version's
 * activities and rules. Completed learners keep their version (completion is never undone) and
 * a draft is never a target. Running it again migrates nobody.
 */
export async function migrateLearnersToLatestVersion(
  actor: TActor,
  input: TMigrateLearnersInput,
): Promise<{ migrated: number }> {
  const parsed = ZMigrateLearnersInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, versionId } = parsed.data;
  return db.$transaction(async (tx) => {
    const course = await getAuthorableCourseOrThrow(tx, actor, courseId);
    // Serialise with publishing, which changes which version is the published one.
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`;
    const target = await tx.courseVersion.findFirst({
      where: { courseId, status: "PUBLISHED" },
      select: { id: true, number: true, modules: { select: { activities: { select: { key: true } } } } },
    });
    if (!target)
      throw localizedAppError("INVALID", "versionId: this course has no published version to migrate to", {
        messageKey: "errors.authoring.noPublishedVersion",
        values: {},
      });
    if (target.id !== versionId)
      throw localizedAppError("CONFLICT", "versionId: another version was published meanwhile; reload the page", {
        messageKey: "errors.authoring.versionChanged",
        values: {},
      });
    const keys = new Set(target.modules.flatMap((module) => module.activities.map((activity) => activity.key)));
    const enrolments = await tx.enrolment.findMany({
      where: { courseId, status: "ACTIVE", courseVersionId: { not: target.id } },
      select: { id: true, lastActivityKey: true, courseVersionId: true },
    });
    for (const enrolment of enrolments) {
      const isLastActivityKept = enrolment.lastActivityKey !== null && keys.has(enrolment.lastActivityKey);
      await tx.enrolment.update({
        where: { id: enrolment.id },
        data: {
          courseVersionId: target.id,
          ...(isLastActivityKept ? {} : { lastActivityKey: null, lastVideoSeconds: null }),
        },
      });
      await recomputeEnrolmentProgress(tx, enrolment.id);
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "course.learners.migrated",
        entityType: "CourseVersion",
        entityId: target.id,
        institutionId: course.institutionId,
        data: {
          count: enrolments.length,
          toVersion: target.number,
          enrolments: enrolments.map((enrolment) => ({ id: enrolment.id, fromVersionId: enrolment.courseVersionId })),
        },
      },
    });
    return { migrated: enrolments.length };
  });
}
