import type { Prisma } from "../db/generated/client";
import { institutionsWhere, type TActor } from "../auth/permissions";

/** Which packages a trainer may put in a course: their own imports, or any of an institution they author for. */
export function packageWhereAuthor(actor: TActor): Prisma.ContentPackageWhereInput {
  const authoring = institutionsWhere(actor, "course.author");
  return {
    OR: [
      { createdById: actor.userId },
      ...(authoring === "all" ? [{}] : authoring.length ? [{ institutionId: { in: authoring } }] : []),
    ],
  };
}
