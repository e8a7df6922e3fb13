import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getAuthorableCourseOrThrow } from "./get-authorable-course";

/** For the editor: the published version and how many learners in progress follow an older one. */
export async function getVersionMigrationSummary(
  actor: TActor,
  courseId: string,
): Promise<{ publishedVersionId: string; publishedNumber: number; learnersOnOlderVersions: number } | null> {
  return db.$transaction(async (tx) => {
    await getAuthorableCourseOrThrow(tx, actor, courseId);
    const published = await tx.courseVersion.findFirst({
      where: { courseId, status: "PUBLISHED" },
      select: { id: true, number: true },
    });
    if (!published) return null;
    const learnersOnOlderVersions = await tx.enrolment.count({
      where: { courseId, status: "ACTIVE", courseVersionId: { not: published.id } },
    });
    return { publishedVersionId: published.id, publishedNumber: published.number, learnersOnOlderVersions };
  });
}
