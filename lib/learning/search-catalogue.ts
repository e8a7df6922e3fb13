import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { courseWhereForActor, LATEST_PUBLISHED_VERSION } from "../catalog/course-where";
import { catalogueFilterWhere, type TCatalogueFilters } from "./catalogue-filters";
import { rankCoursesByText } from "./rank-catalogue-text";

/**
 * The catalogue as the actor may see it, narrowed by the filters, with the options of each filter.
 * With a search text, courses come best match first; otherwise in a stable order (slug).
 */
export async function searchCatalogue(actor: TActor, filters: TCatalogueFilters) {
  assertCan(actor, "catalog.browse");
  const ranks = filters.q ? await rankCoursesByText(filters.q) : null;
  const textWhere = ranks ? { id: { in: [...ranks.keys()] } } : {};
  const [courses, themes, regions] = await Promise.all([
    db.course.findMany({
      where: { AND: [courseWhereForActor(actor), catalogueFilterWhere(filters), textWhere] },
      select: {
        id: true,
        slug: true,
        modality: true,
        trainingType: true,
        language: true,
        requiresApproval: true,
        theme: { select: { nameFr: true, nameEn: true } },
        institution: { select: { name: true, region: { select: { nameFr: true, nameEn: true } } } },
        versions: {
          ...LATEST_PUBLISHED_VERSION,
          select: { title: true, titleEn: true, summary: true, summaryEn: true, declaredDurationMinutes: true },
        },
      },
      orderBy: { slug: "asc" },
    }),
    db.theme.findMany({ orderBy: { code: "asc" }, select: { code: true, nameFr: true, nameEn: true } }),
    db.region.findMany({ orderBy: { code: "asc" }, select: { code: true, nameFr: true, nameEn: true } }),
  ]);
  if (ranks) courses.sort((a, b) => (ranks.get(b.id) ?? 0) - (ranks.get(a.id) ?? 0));
  return {
    courses: courses.flatMap(({ versions, ...course }) => (versions[0] ? [{ ...course, version: versions[0] }] : [])),
    themes,
    regions,
  };
}
