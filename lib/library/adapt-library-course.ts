import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { keyedError } from "../errors/localized-error";
import { invalidInput } from "../errors/invalid-input";
import { getListedCourseOrThrow } from "./get-listed-course";
import { ZReuseLibraryCourseInput, type TReuseLibraryCourseInput } from "./adopt-library-course";
import { copiedVersionData } from "./copy-version-content";
import { isAdaptable } from "./licences";

/**
 * A trainer copies another institution's library course into a draft of their own institution,
 * which they then edit and publish like any course. The copy records its lineage (the original
 * and the version it was made from: "adapted from …, version N") so that later upstream versions
 * are offered to it (get-upstream-changes.ts). Refused when the licence reserves all rights.
 */
export async function adaptLibraryCourse(actor: TActor, input: TReuseLibraryCourseInput) {
  const parsed = ZReuseLibraryCourseInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { courseId, institutionId } = parsed.data;
  assertCan(actor, "library.reuse", { institutionId });
  assertCan(actor, "course.create", { institutionId });
  return db.$transaction(async (tx) => {
    const upstream = await getListedCourseOrThrow(tx, courseId);
    if (!isAdaptable(upstream.listing.licence)) throw keyedError("CONFLICT", "errors.library.notAdaptable");
    if (upstream.institutionId === institutionId) throw keyedError("CONFLICT", "errors.library.ownCourse");
    const id = randomUUID();
    const course = await tx.course.create({
      data: {
        id,
        slug: `${upstream.slug.slice(0, 40)}-adapt-${id.slice(0, 6)}`,
        institutionId,
        themeId: upstream.themeId,
        trainingType: upstream.trainingType,
        modality: upstream.modality,
        language: upstream.language,
        visibility: "INSTITUTION",
        createdById: actor.userId,
        adaptedFromId: upstream.id,
        adaptedFromVersion: upstream.version.number,
        versions: { create: { number: 1, status: "DRAFT", ...copiedVersionData(id, upstream.version) } },
      },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "library.adapted",
        entityType: "Course",
        entityId: course.id,
        institutionId,
        data: { upstreamCourseId: upstream.id, upstreamVersion: upstream.version.number },
      },
    });
    return course;
  });
}
