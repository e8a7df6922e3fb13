import { z } from "zod";
import type { Prisma } from "../db/generated/client";

/** Duration buckets of the catalogue filter, in declared minutes: [min, max). */
export const DURATION_BUCKETS = { short: [0, 60], medium: [60, 180], long: [180, 2_147_483_647] } as const;
export type TDurationBucket = keyof typeof DURATION_BUCKETS;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** The catalogue's GET form: every field optional, unknown values refused (a tampered URL gets a 400-like message, not a crash). */
export const ZCatalogueFilters = z.object({
  q: optional(z.string().trim().max(100)),
  theme: optional(z.string().max(60)),
  modality: optional(z.enum(["ONLINE", "IN_PERSON", "HYBRID"])),
  trainingType: optional(
    z.enum([
      "STATUTORY",
      "T1_ADAPT_POST",
      "T2_JOB_CHANGE",
      "T3_QUALIFICATION",
      "EXAM_PREPARATION",
      "SKILLS_ASSESSMENT",
    ]),
  ),
  language: optional(z.enum(["fr", "en"])),
  duration: optional(z.enum(["short", "medium", "long"])),
  region: optional(z.string().max(20)),
});
export type TCatalogueFilters = z.infer<typeof ZCatalogueFilters>;

/** How many filters other than the search text narrow the list (shown on the phone's filter toggle). */
export function countActiveFilters(filters: TCatalogueFilters): number {
  return Object.entries(filters).filter(([key, value]) => key !== "q" && value !== undefined).length;
}

/** Reads Next's searchParams (string | string[]) into filters; the first value of a repeated key wins. */
export function parseCatalogueFilters(params: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return ZCatalogueFilters.safeParse(flat);
}

/**
 * The filters as a Prisma condition, to be AND-ed with the visibility filter (courseWhereForActor).
 * The search text is not here: it is ranked by full-text search (rank-catalogue-text.ts).
 */
export function catalogueFilterWhere(filters: TCatalogueFilters): Prisma.CourseWhereInput {
  const and: Prisma.CourseWhereInput[] = [];
  const published: Prisma.CourseVersionWhereInput = { status: "PUBLISHED" };
  if (filters.theme) and.push({ theme: { code: filters.theme } });
  if (filters.modality) and.push({ modality: filters.modality });
  if (filters.trainingType) and.push({ trainingType: filters.trainingType });
  if (filters.language) and.push({ language: filters.language });
  if (filters.duration) {
    const [min, max] = DURATION_BUCKETS[filters.duration];
    and.push({ versions: { some: { ...published, declaredDurationMinutes: { gte: min, lt: max } } } });
  }
  if (filters.region) {
    // A course is "in" a region when its institution is there or it has a session at a relay site there.
    and.push({
      OR: [
        { institution: { region: { code: filters.region } } },
        { sessions: { some: { site: { region: { code: filters.region } } } } },
      ],
    });
  }
  return { AND: and };
}
