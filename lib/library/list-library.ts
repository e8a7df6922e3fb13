import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { can, institutionsWhere } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { LATEST_PUBLISHED_VERSION } from "../catalog/course-where";
import { isAdaptable, LICENCE_URLS } from "./licences";
import { loadReuseFigures } from "./load-reuse-figures";

/** The institution on whose behalf a trainer reuses courses: their own, where they hold library.reuse. */
export function reuseInstitutionOf(actor: TActor): string | null {
  const institutions = institutionsWhere(actor, "library.reuse");
  if (institutions === "all") return actor.institutionId;
  return actor.institutionId && institutions.includes(actor.institutionId)
    ? actor.institutionId
    : (institutions[0] ?? null);
}

/**
 * The national library as its readers see it: per course its credits (institution, authors,
 * licence), the institutions reusing it (adopted or adapted), the learners and hours they
 * delivered, and what the viewer may do (adopt, adapt, open their adaptation).
 */
export async function listLibrary(actor: TActor) {
  assertCan(actor, "library.browse");
  const reuseInstitution = reuseInstitutionOf(actor);
  const courses = await db.course.findMany({
    where: { libraryListing: { is: { withdrawnAt: null } }, versions: { some: { status: "PUBLISHED" } } },
    orderBy: { libraryListing: { publishedAt: "desc" } },
    take: 200,
    select: {
      id: true,
      slug: true,
      institutionId: true,
      modality: true,
      institution: { select: { name: true } },
      libraryListing: { select: { licence: true, authors: true, publishedAt: true } },
      versions: { ...LATEST_PUBLISHED_VERSION, select: { number: true, title: true, titleEn: true } },
      adoptions: { select: { institutionId: true, institution: { select: { name: true } } } },
      adaptations: { select: { id: true, institutionId: true, institution: { select: { name: true } } } },
    },
  });
  const figures = await loadReuseFigures(courses.map((course) => course.id));
  return courses.flatMap((course) => {
    const listing = course.libraryListing;
    const version = course.versions[0];
    if (!listing || !version) return [];
    const isOwn = reuseInstitution === course.institutionId;
    const mayReuse =
      reuseInstitution !== null && !isOwn && can(actor, "library.reuse", { institutionId: reuseInstitution });
    const isAdopted = course.adoptions.some((adoption) => adoption.institutionId === reuseInstitution);
    const ownAdaptation = course.adaptations.find((adaptation) => adaptation.institutionId === reuseInstitution);
    const reusers = new Map<string, { name: string; adopted: boolean; adapted: boolean }>();
    for (const { institutionId, institution } of course.adoptions)
      reusers.set(institutionId, { name: institution.name, adopted: true, adapted: false });
    for (const { institutionId, institution } of course.adaptations) {
      const known = reusers.get(institutionId);
      reusers.set(institutionId, { name: institution.name, adopted: known?.adopted ?? false, adapted: true });
    }
    return [
      {
        id: course.id,
        slug: course.slug,
        modality: course.modality,
        title: version.title,
        titleEn: version.titleEn,
        versionNumber: version.number,
        institution: course.institution.name,
        authors: listing.authors,
        licence: listing.licence,
        licenceUrl: LICENCE_URLS[listing.licence],
        reusers: [...reusers.values()].sort((a, b) => a.name.localeCompare(b.name, "fr")),
        learners: figures.get(course.id)?.learners ?? 0,
        hours: figures.get(course.id)?.hours ?? 0,
        isOwn,
        isAdopted,
        adaptationId: ownAdaptation?.id ?? null,
        canAdopt: mayReuse && !isAdopted,
        canAdapt:
          mayReuse &&
          !ownAdaptation &&
          isAdaptable(listing.licence) &&
          can(actor, "course.create", { institutionId: reuseInstitution }),
        /** Why adapting is not offered, when only the licence stands in the way. */
        isAdaptationReserved: mayReuse && !isAdaptable(listing.licence),
      },
    ];
  });
}
