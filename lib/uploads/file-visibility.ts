import "server-only";
import type { Prisma } from "../db/generated/client";
import type { TActor } from "../auth/permissions";
import { institutionsWhere } from "../auth/permissions";
import { courseWhereForActor } from "../catalog/course-where";

/**
 * Who may download a course document — the same rule as videos (lib/video/video-visibility.ts):
 * learners through a published (or archived, still followed) version of a course they may see,
 * trainers authoring a course using it, and the trainer who uploaded it.
 */
export function fileWhereForActor(actor: TActor): Prisma.StoredFileWhereInput {
  return {
    OR: [
      {
        activities: { some: { module: { version: { status: { not: "DRAFT" }, course: courseWhereForActor(actor) } } } },
      },
      ...fileWhereAuthor(actor).OR!,
    ],
  };
}

/** Who may attach a document to a draft: the trainer who uploaded it, or one authoring a course already using it. */
export function fileWhereAuthor(actor: TActor): Prisma.StoredFileWhereInput & { OR: Prisma.StoredFileWhereInput[] } {
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
