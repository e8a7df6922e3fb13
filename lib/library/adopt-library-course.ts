import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { keyedError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";
import { getListedCourseOrThrow } from "./get-listed-course";

export const ZReuseLibraryCourseInput = z.object({
  courseId: z.string().min(1).max(40),
  /** The institution on whose behalf the course is reused: the trainer's own. */
  institutionId: z.string().min(1).max(40),
});
export type TReuseLibraryCourseInput = z.infer<typeof ZReuseLibraryCourseInput>;

/**
 * A trainer offers another institution's library course, unchanged, in their own institution's
 * catalogue (lib/catalog/course-where.ts) and its sessions can then be scheduled at relay sites;
 * the course keeps its authors, institution and licence, shown wherever it appears. Any licence
 * allows it. Adopting twice is harmless (one adoption per institution).
 */
export async function adoptLibraryCourse(actor: TActor, input: TReuseLibraryCourseInput) {
  const parsed = ZReuseLibraryCourseInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, institutionId } = parsed.data;
  assertCan(actor, "library.reuse", { institutionId });
  return db.$transaction(async (tx) => {
    const course = await getListedCourseOrThrow(tx, courseId);
    if (course.institutionId === institutionId) throw keyedError("CONFLICT", "errors.library.ownCourse");
    const adoption = await tx.courseAdoption.upsert({
      where: { courseId_institutionId: { courseId, institutionId } },
      create: { courseId, institutionId, adoptedById: actor.userId },
      update: {},
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "library.adopted",
        entityType: "Course",
        entityId: courseId,
        institutionId,
        data: { licence: course.listing.licence },
      },
    });
    return adoption;
  });
}
