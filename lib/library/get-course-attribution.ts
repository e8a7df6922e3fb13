import "server-only";
import { db } from "../db";
import { LICENCE_URLS } from "./licences";

/**
 * The credits shown wherever a course is offered: for a library course its institution, authors
 * and licence; for an adaptation, what it was adapted from and which version. `null` for a course
 * with neither. The caller has already checked that the viewer may see the course.
 */
export async function getCourseAttribution(courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      institution: { select: { name: true } },
      libraryListing: { select: { licence: true, authors: true } },
      adaptedFromVersion: true,
      adaptedFrom: {
        select: {
          institution: { select: { name: true } },
          libraryListing: { select: { licence: true, authors: true } },
          versions: {
            where: { status: { not: "DRAFT" } },
            orderBy: { number: "desc" },
            take: 1,
            select: { title: true, titleEn: true },
          },
        },
      },
    },
  });
  if (!course) return null;
  const listing = course.libraryListing;
  const upstream = course.adaptedFrom;
  if (!listing && !upstream) return null;
  return {
    institution: course.institution.name,
    authors: listing?.authors ?? null,
    licence: listing?.licence ?? null,
    licenceUrl: listing ? LICENCE_URLS[listing.licence] : null,
    adaptedFrom: upstream
      ? {
          title: upstream.versions[0]?.title ?? "",
          titleEn: upstream.versions[0]?.titleEn ?? null,
          institution: upstream.institution.name,
          authors: upstream.libraryListing?.authors ?? null,
          licence: upstream.libraryListing?.licence ?? null,
          version: course.adaptedFromVersion ?? 0,
        }
      : null,
  };
}
