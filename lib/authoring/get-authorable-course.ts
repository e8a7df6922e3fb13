import "server-only";
import type { TTransaction } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { localizedAppError } from "../errors/localized-error";

/** The course if the actor may author it (a trainer of its institution); NOT_FOUND / FORBIDDEN otherwise. */
export async function getAuthorableCourseOrThrow(tx: TTransaction, actor: TActor, courseId: string) {
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: { id: true, slug: true, institutionId: true },
  });
  if (!course)
    throw localizedAppError("NOT_FOUND", "This course does not exist.", {
      messageKey: "errors.authoring.courseNotFound",
      values: {},
    });
  assertCan(actor, "course.author", { institutionId: course.institutionId });
  return course;
}
