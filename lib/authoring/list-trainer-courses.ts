import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { institutionsWhere } from "../auth/permissions";

/** Courses the actor may author: those of the institutions where they are a trainer. */
export async function listTrainerCourses(actor: TActor) {
  const institutions = institutionsWhere(actor, "course.author");
  if (institutions !== "all" && institutions.length === 0) return [];
  return db.course.findMany({
    where: institutions === "all" ? {} : { institutionId: { in: institutions } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      modality: true,
      _count: { select: { enrolments: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, status: true, title: true, titleEn: true },
      },
    },
  });
}
