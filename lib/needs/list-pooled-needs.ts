import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { invalidNeedsInput } from "./needs-error";
import { resolvePoolingRegions } from "./pooling-scope";

export const ZPooledNeedsInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.string().min(1).max(40).optional(),
});

type TCell = { courseId: string | null; themeId: string; staffCategory: string | null; institutionId: string };
type TSubjectTotal = { courseId: string | null; themeId: string; needs: number; agents: number; institutions: number };

/** A pooled subject's key: a catalogue course, or a theme for free needs. */
export const subjectKey = (row: { courseId: string | null; themeId: string }) =>
  row.courseId ? `course:${row.courseId}` : `theme:${row.themeId}`;

/**
 * Retained needs not yet answered, pooled across the institutions of the actor's regions: per
 * course (or per theme for free needs), how many needs, agents and institutions, broken down by
 * region, staff category and relay site (each institution's usual venue: its own relay site).
 * One grouped scan of TrainingNeed, never one row per need in Node.
 */
export async function listPooledNeeds(actor: TActor, input: z.input<typeof ZPooledNeedsInput>) {
  const parsed = ZPooledNeedsInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const { year } = parsed.data;
  const regionIds = await resolvePoolingRegions(actor, parsed.data.regionId);
  const institutions = await db.institution.findMany({
    where: { regionId: { in: regionIds } },
    select: {
      id: true,
      name: true,
      regionId: true,
      relaySites: { orderBy: { code: "asc" }, take: 1, select: { id: true, name: true } },
    },
  });
  const campaigns = await db.needsCampaign.findMany({
    where: { year, institutionId: { in: institutions.map((institution) => institution.id) } },
    select: { id: true },
  });
  const campaignIds = campaigns.map((campaign) => campaign.id);
  // One scan of the retained needs (TrainingNeed(campaignId, decision)), two groupings: per subject
  // (distinct agents and institutions) and per subject × category × institution (the breakdowns).
  const rows = await db.$queryRaw<
    (TSubjectTotal & { staffCategory: string | null; institutionId: string | null; isTotal: boolean })[]
  >`
    SELECT n."courseId", n."themeId", n."staffCategory"::text AS "staffCategory", n."institutionId",
           GROUPING(n."staffCategory", n."institutionId") = 3 AS "isTotal",
           count(*)::int AS needs, count(DISTINCT n."userId")::int AS agents,
           count(DISTINCT n."institutionId")::int AS institutions
    FROM "TrainingNeed" n
    WHERE n."campaignId" = ANY(${campaignIds}::text[])
      AND n.decision = 'RETAINED' AND n."withdrawnAt" IS NULL AND n."answeredBySessionId" IS NULL
      AND n."answeredByCommissionId" IS NULL
    GROUP BY GROUPING SETS ((n."courseId", n."themeId"), (n."courseId", n."themeId", n."staffCategory", n."institutionId"))`;
  const totals: TSubjectTotal[] = rows.filter((row) => row.isTotal);
  const cells = rows.filter((row) => !row.isTotal) as (TSubjectTotal & TCell)[];
  const institutionById = new Map(institutions.map((institution) => [institution.id, institution]));
  const [courses, themes, regions] = await Promise.all([
    db.courseVersion.findMany({
      where: {
        courseId: { in: totals.flatMap((row) => (row.courseId ? [row.courseId] : [])) },
        status: "PUBLISHED",
      },
      orderBy: { number: "desc" },
      select: { courseId: true, title: true, titleEn: true, course: { select: { modality: true } } },
    }),
    db.theme.findMany({ select: { id: true, nameFr: true, nameEn: true } }),
    db.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, nameFr: true, nameEn: true } }),
  ]);
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  const breakdowns = new Map<
    string,
    { regions: Map<string, number>; categories: Map<string, number>; sites: Map<string, number> }
  >();
  for (const cell of cells) {
    const key = subjectKey(cell);
    const entry = breakdowns.get(key) ?? { regions: new Map(), categories: new Map(), sites: new Map() };
    const institution = institutionById.get(cell.institutionId);
    add(entry.regions, institution?.regionId ?? "", cell.agents);
    add(entry.categories, cell.staffCategory ?? "NOT_RECORDED", cell.agents);
    add(entry.sites, institution?.relaySites[0]?.id ?? "", cell.agents);
    breakdowns.set(key, entry);
  }
  const siteNames = new Map(
    institutions.flatMap((institution) => institution.relaySites.map((site) => [site.id, site.name] as const)),
  );
  const entries = (map: Map<string, number> | undefined) =>
    [...(map ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
  return {
    year,
    regions,
    groups: totals
      .map((row) => {
        const key = subjectKey(row);
        const version = row.courseId ? courses.find((course) => course.courseId === row.courseId) : undefined;
        const theme = themes.find((candidate) => candidate.id === row.themeId);
        const breakdown = breakdowns.get(key);
        return {
          key,
          courseId: row.courseId,
          themeId: row.themeId,
          title: version ? { fr: version.title, en: version.titleEn } : null,
          modality: version?.course.modality ?? null,
          theme: { fr: theme?.nameFr ?? "", en: theme?.nameEn ?? "" },
          needs: row.needs,
          agents: row.agents,
          institutions: row.institutions,
          byRegion: entries(breakdown?.regions).map(([id, agents]) => ({
            id,
            name: regions.find((region) => region.id === id) ?? null,
            agents,
          })),
          byCategory: entries(breakdown?.categories).map(([category, agents]) => ({ category, agents })),
          bySite: entries(breakdown?.sites).map(([id, agents]) => ({ id, name: siteNames.get(id) ?? null, agents })),
        };
      })
      .sort((a, b) => b.agents - a.agents || a.key.localeCompare(b.key)),
  };
}
