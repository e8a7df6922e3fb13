import type { Prisma } from "../db/generated/client";
import type { TActor } from "../auth/permissions";

/**
 * The courses an actor may see in the catalogue: published, and either in the national
 * catalogue, owned by the actor's own institution, or adopted by it from the national library
 * (lib/library/adopt-library-course.ts). Written once, reused by pages and APIs.
 */
export function courseWhereForActor(actor: TActor): Prisma.CourseWhereInput {
  const visibility: Prisma.CourseWhereInput[] = [{ visibility: "NATIONAL" }];
  if (actor.institutionId)
    visibility.push(
      { institutionId: actor.institutionId },
      { adoptions: { some: { institutionId: actor.institutionId } } },
    );
  return { OR: visibility, versions: { some: { status: "PUBLISHED" } } };
}

/**
 * The courses an anonymous visitor may see (public feeds: a relay site's calendar): those of the
 * national catalogue with a published version. Institution-only courses never leave their institution.
 */
export function publicCourseWhere(): Prisma.CourseWhereInput {
  return { visibility: "NATIONAL", versions: { some: { status: "PUBLISHED" } } };
}

/** The `versions` filter that picks a course's latest published version (what learners follow). */
export const LATEST_PUBLISHED_VERSION = {
  where: { status: "PUBLISHED" },
  orderBy: { number: "desc" },
  take: 1,
} as const satisfies Pick<Prisma.Course$versionsArgs, "where" | "orderBy" | "take">;
