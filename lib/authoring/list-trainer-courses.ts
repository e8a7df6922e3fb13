import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { institutionsWhere } from "../auth/permissions";

/**
 * Courses the actor may author: those of the institutions where they are a trainer, each with its
 * state as a trainer reads it. Opening the editor of a published course starts the next draft, so
 * the newest version alone would call a live course "draft": the published version is said apart.
 */
export async function listTrainerCourses(actor: TActor) {
  const institutions = institutionsWhere(actor, "course.author");
  if (institutions !== "all" && institutions.length === 0) return [];
  const courses = await db.course.findMany({
    where: institutions === "all" ? {} : { institutionId: { in: institutions } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      modality: true,
      _count: { select: { enrolments: true } },
      versions: {
        where: { status: { in: ["DRAFT", "PUBLISHED"] } },
        orderBy: { number: "desc" },
        take: 2,
        select: { number: true, status: true, title: true, titleEn: true },
      },
    },
  });
  return courses.map(({ versions, ...course }) => ({
    ...course,
    /** The newest version, draft or published: its title names the course in the list. */
    latest: versions[0] ?? null,
    publishedNumber: versions.find((version) => version.status === "PUBLISHED")?.number ?? null,
    hasDraft: versions.some((version) => version.status === "DRAFT"),
  }));
}
