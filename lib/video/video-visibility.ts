import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TActor } from "../auth/permissions";
import { institutionsWhere } from "../auth/permissions";
import { courseWhereForActor } from "../catalog/course-where";

/**
 * Who may see a video, written once for the stream, the poster, the captions and the status:
 * learners who may see a course using it (catalogue visibility), trainers who author a course
 * using it, and the trainer who uploaded it (before it is attached to anything).
 */
export function videoWhereForActor(actor: TActor): Prisma.VideoAssetWhereInput {
  const authoring = institutionsWhere(actor, "course.author");
  return {
    OR: [
      // Learners: only through published (or archived, still followed) versions: a draft never leaks.
      {
        activities: { some: { module: { version: { status: { not: "DRAFT" }, course: courseWhereForActor(actor) } } } },
      },
      ...(authoring === "all"
        ? [{}]
        : authoring.length
          ? [{ activities: { some: { module: { version: { course: { institutionId: { in: authoring } } } } } } }]
          : []),
      { createdById: actor.userId },
    ],
  };
}

/** Who may change a video (its poster): the trainer who uploaded it, or one authoring a course using it. */
export function videoWhereAuthor(actor: TActor): Prisma.VideoAssetWhereInput {
  const authoring = institutionsWhere(actor, "course.author");
  return {
    OR: [
      ...(authoring === "all"
        ? [{}]
        : authoring.length
          ? [{ activities: { some: { module: { version: { course: { institutionId: { in: authoring } } } } } } }]
          : []),
      { createdById: actor.userId },
    ],
  };
}
