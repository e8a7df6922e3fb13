import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { can } from "../auth/permissions";
import { getUpstreamChanges } from "./get-upstream-changes";
import { LICENCES, requiredLicenceForAdaptation } from "./licences";

/**
 * What the course editor shows about the national library: the course's listing (licence,
 * credits) and whether it may be published there, the licences offered (one, for an adaptation
 * of a share-alike course), and for an adaptation its lineage and the upstream changes.
 */
export async function getLibraryAuthoringView(actor: TActor, courseId: string) {
  const upstream = await getUpstreamChanges(actor, courseId);
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      institutionId: true,
      libraryListing: { select: { licence: true, authors: true, withdrawnAt: true } },
      versions: { where: { status: "PUBLISHED" }, select: { id: true }, take: 1 },
    },
  });
  const required = upstream?.licence
    ? requiredLicenceForAdaptation(upstream.licence as (typeof LICENCES)[number])
    : null;
  return {
    listing: course.libraryListing,
    hasPublishedVersion: course.versions.length > 0,
    canPublish: can(actor, "library.publish", { institutionId: course.institutionId }),
    licences: required ? [required] : [...LICENCES],
    upstream,
  };
}
