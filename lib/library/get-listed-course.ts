import "server-only";
import type { TTransaction } from "../db";
import { keyedError } from "../errors/localized-error";
import { COPIED_VERSION_SELECT } from "./copy-version-content";

/**
 * A course of the national library with its listing and latest published version (what adopters
 * offer and adapters copy); NOT_FOUND when it is not, or no longer, in the library.
 */
export async function getListedCourseOrThrow(tx: TTransaction, courseId: string) {
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      slug: true,
      institutionId: true,
      themeId: true,
      trainingType: true,
      modality: true,
      language: true,
      libraryListing: { select: { licence: true, authors: true, withdrawnAt: true } },
      versions: {
        where: { status: "PUBLISHED" },
        orderBy: { number: "desc" },
        take: 1,
        select: COPIED_VERSION_SELECT,
      },
    },
  });
  const listing = course?.libraryListing;
  const version = course?.versions[0];
  if (!course || !listing || listing.withdrawnAt || !version) throw keyedError("NOT_FOUND", "errors.library.notListed");
  return { ...course, listing, version };
}
