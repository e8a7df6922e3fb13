import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { keyedError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";
import { LICENCES, requiredLicenceForAdaptation } from "./licences";

export const ZPublishToLibraryInput = z.object({
  courseId: z.string().min(1).max(40),
  licence: z.enum(LICENCES),
  /** The authors credited beside the institution ("Jeanne Martin, Paul Durand"). */
  // No control characters (a NUL byte would otherwise reach PostgreSQL's text column and fail there).
  authors: z
    .string()
    .trim()
    .min(2)
    .max(300)
    .regex(/^[^\u0000-\u001f\u007f]*$/),
});
export type TPublishToLibraryInput = z.infer<typeof ZPublishToLibraryInput>;

/**
 * A trainer of the course's institution shares it in the national library under a licence,
 * crediting its authors; publishing again changes the licence or the credits. The course needs
 * a published version (what others will offer or copy); a withdrawn course is listed again. An adaptation of a share-alike course
 * keeps its upstream licence (CC BY-SA 4.0 §3.b, CC BY-NC-SA 4.0 §3.b).
 */
export async function publishToLibrary(actor: TActor, input: TPublishToLibraryInput) {
  const parsed = ZPublishToLibraryInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, licence, authors } = parsed.data;
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: courseId },
      select: {
        id: true,
        institutionId: true,
        versions: { where: { status: "PUBLISHED" }, select: { id: true }, take: 1 },
        adaptedFrom: { select: { libraryListing: { select: { licence: true } } } },
      },
    });
    if (!course) throw keyedError("NOT_FOUND", "errors.authoring.courseNotFound");
    assertCan(actor, "course.author", { institutionId: course.institutionId });
    assertCan(actor, "library.publish", { institutionId: course.institutionId });
    if (course.versions.length === 0) throw keyedError("INVALID", "errors.library.notPublished");
    const upstream = course.adaptedFrom?.libraryListing?.licence;
    const required = upstream ? requiredLicenceForAdaptation(upstream) : null;
    if (required && required !== licence) throw keyedError("INVALID", "errors.library.shareAlike", {});
    const listing = await tx.libraryListing.upsert({
      where: { courseId },
      create: { courseId, licence, authors, publishedById: actor.userId },
      // Publishing a withdrawn course lists it again.
      update: { licence, authors, withdrawnAt: null },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "library.published",
        entityType: "Course",
        entityId: courseId,
        institutionId: course.institutionId,
        data: { licence, authors },
      },
    });
    return listing;
  });
}
