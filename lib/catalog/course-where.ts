import type { Prisma } from "../db/generated/client";
import type { TActor } from "../auth/permissions";

/**
 * The courses an actor may see in the catalogue: published, and either in the national
 * catalogue or owned by the actor's own institution. Written once, reused by pages and APIs.
 */
export function courseWhereForActor(actor: TActor): Prisma.CourseWhereInput {
  const visibility: Prisma.CourseWhereInput[] = [{ visibility: "NATIONAL" }];
  if (actor.institutionId) visibility.push({ institutionId: actor.institutionId });
  return { OR: visibility, versions: { some: { status: "PUBLISHED" } } };
}
