// Demo data of the shared national library (lib/library): a Lyon trainer, a few courses shared
// under different licences, adoptions by other institutions (one course reused by two of them).
import type { TTransaction } from "../db";
import type { ContentLicence } from "../db/generated/enums";

const LISTINGS: { slug: string; licence: ContentLicence; authors: string; adoptedBy: string[] }[] = [
  {
    slug: "rgpd-essentiels",
    licence: "LICENCE_OUVERTE_2",
    authors: "Camille Durand, Yanis Belkacem",
    adoptedBy: ["UGA", "ULYON"],
  },
  { slug: "encadrer-equipe", licence: "CC_BY", authors: "Isabelle Perrin", adoptedBy: ["UGA"] },
  { slug: "prepa-concours-ita", licence: "ALL_RIGHTS_RESERVED", authors: "Service formation SU", adoptedBy: [] },
];

export async function seedLibrary(
  tx: TTransaction,
  context: {
    institutionByCode: Map<string, { id: string }>;
    courseBySlug: Map<string, { row: { id: string }; owner: { id: string } }>;
    publishedById: string;
    reference: Date;
  },
) {
  const lyon = context.institutionByCode.get("ULYON")!;
  const lyonTrainer = await tx.user.create({
    data: {
      email: "trainer@ulyon.relais.test",
      name: "Antoine Mercier",
      institutionId: lyon.id,
      staffCategory: "A",
      population: "TEACHING_RESEARCH",
    },
  });
  await tx.roleMembership.create({ data: { userId: lyonTrainer.id, role: "TRAINER", institutionId: lyon.id } });
  for (const [index, listing] of LISTINGS.entries()) {
    const { row, owner } = context.courseBySlug.get(listing.slug)!;
    const course = { id: row.id, institutionId: owner.id };
    const publishedAt = new Date(context.reference.getTime() - (60 - index * 10) * 86_400_000);
    await tx.libraryListing.create({
      data: {
        courseId: course.id,
        licence: listing.licence,
        authors: listing.authors,
        publishedById: context.publishedById,
        publishedAt,
      },
    });
    for (const code of listing.adoptedBy) {
      const institutionId = context.institutionByCode.get(code)!.id;
      if (institutionId === course.institutionId) continue;
      await tx.courseAdoption.create({ data: { courseId: course.id, institutionId, createdAt: publishedAt } });
    }
  }
}
