import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getAuthorableCourseOrThrow } from "./get-authorable-course";
import { versionCopyData } from "./version-copy-data";

const VERSION_SELECT = {
  id: true,
  number: true,
  status: true,
  revision: true,
  title: true,
  titleEn: true,
  summary: true,
  summaryEn: true,
  objectives: true,
  objectivesEn: true,
  declaredDurationMinutes: true,
  completionRules: true,
  modules: {
    orderBy: { position: "asc" as const },
    select: {
      title: true,
      titleEn: true,
      activities: {
        orderBy: { position: "asc" as const },
        select: {
          key: true,
          kind: true,
          title: true,
          titleEn: true,
          isRequired: true,
          content: true,
          videoAssetId: true,
          fileId: true,
          packageId: true,
          videoAsset: { select: { id: true, provider: true, status: true, playbackId: true, posterPath: true } },
        },
      },
    },
  },
};

/**
 * The draft a trainer edits. When the course only has published versions, a new draft is made
 * as a copy of the latest one (same activity keys, so xAPI history stays attached); published
 * versions are never edited in place.
 */
export async function getCourseDraft(actor: TActor, courseId: string) {
  return db.$transaction(async (tx) => {
    const course = await getAuthorableCourseOrThrow(tx, actor, courseId);
    // Serialise draft creation: two editors opening the course at once get the same draft.
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${courseId} FOR UPDATE`;
    const full = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        slug: true,
        trainingType: true,
        modality: true,
        language: true,
        visibility: true,
        requiresApproval: true,
        requiresOnlineBeforeSession: true,
        institutionId: true,
        theme: { select: { code: true } },
      },
    });
    let draft = await tx.courseVersion.findFirst({
      where: { courseId, status: "DRAFT" },
      orderBy: { number: "desc" },
      select: VERSION_SELECT,
    });
    if (!draft) {
      const latest = await tx.courseVersion.findFirstOrThrow({
        where: { courseId },
        orderBy: { number: "desc" },
        select: VERSION_SELECT,
      });
      draft = await tx.courseVersion.create({
        data: {
          courseId,
          number: latest.number + 1,
          status: "DRAFT",
          ...versionCopyData(latest),
        },
        select: VERSION_SELECT,
      });
    }
    return { course: { id: course.id, ...full }, draft };
  });
}
