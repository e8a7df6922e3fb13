import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getAuthorableCourseOrThrow } from "../authoring/get-authorable-course";
import { COPIED_VERSION_SELECT } from "./copy-version-content";
import { diffVersions, type TUpstreamChange } from "./diff-versions";

export type TUpstreamView = {
  upstreamCourseId: string;
  upstreamTitle: string;
  upstreamTitleEn: string | null;
  upstreamInstitution: string;
  authors: string | null;
  licence: string | null;
  /** The upstream version the adaptation is based on ("adapted from …, version N"). */
  basedOnVersion: number;
  latestVersion: number;
  changes: TUpstreamChange[];
  /** A later upstream version exists and may be taken into the adaptation's draft. */
  canTakeLatest: boolean;
};

/**
 * The lineage of an adaptation, for its authors: what it was adapted from, and when the original
 * has published a later version, what changed since the version it was copied from. `null` for
 * a course that is not an adaptation.
 */
export async function getUpstreamChanges(actor: TActor, courseId: string): Promise<TUpstreamView | null> {
  return db.$transaction(async (tx) => {
    await getAuthorableCourseOrThrow(tx, actor, courseId);
    const course = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        adaptedFromVersion: true,
        adaptedFrom: {
          select: {
            id: true,
            institution: { select: { name: true } },
            libraryListing: { select: { licence: true, authors: true } },
            versions: {
              where: { status: { not: "DRAFT" } },
              orderBy: { number: "desc" },
              select: COPIED_VERSION_SELECT,
            },
          },
        },
      },
    });
    const upstream = course.adaptedFrom;
    if (!upstream || course.adaptedFromVersion === null) return null;
    const latest = upstream.versions[0];
    const basedOn = upstream.versions.find((version) => version.number === course.adaptedFromVersion);
    if (!latest) return null;
    const isBehind = latest.number > course.adaptedFromVersion;
    return {
      upstreamCourseId: upstream.id,
      upstreamTitle: (basedOn ?? latest).title,
      upstreamTitleEn: (basedOn ?? latest).titleEn,
      upstreamInstitution: upstream.institution.name,
      authors: upstream.libraryListing?.authors ?? null,
      licence: upstream.libraryListing?.licence ?? null,
      basedOnVersion: course.adaptedFromVersion,
      latestVersion: latest.number,
      changes: isBehind && basedOn ? diffVersions(basedOn, latest) : [],
      canTakeLatest: isBehind && upstream.libraryListing !== null,
    };
  });
}
