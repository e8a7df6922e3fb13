import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { courseWhereForActor } from "./course-where";

export async function listCatalog(actor: TActor) {
  assertCan(actor, "catalog.browse");
  const courses = await db.course.findMany({
    where: courseWhereForActor(actor),
    select: {
      id: true,
      slug: true,
      modality: true,
      trainingType: true,
      language: true,
      theme: { select: { nameFr: true, nameEn: true } },
      institution: { select: { name: true } },
      versions: {
        where: { status: "PUBLISHED" },
        orderBy: { number: "desc" },
        take: 1,
        select: { title: true, titleEn: true, summary: true, summaryEn: true, declaredDurationMinutes: true },
      },
    },
    orderBy: { slug: "asc" },
  });
  return courses.flatMap(({ versions, ...course }) => (versions[0] ? [{ ...course, version: versions[0] }] : []));
}
