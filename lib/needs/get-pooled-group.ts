import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { invalidNeedsInput, needsError } from "./needs-error";
import { parseSubjectKey, pooledNeedsWhere } from "./find-pooled-needs";
import { rankSites, savingsByInstitution, type TRequester } from "./travel-savings";
import { getMissionScales } from "../mission-costs/get-mission-scales";

const SUGGESTED_DAYS_AHEAD = 45;

export const ZPooledGroupInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.string().min(1).max(40),
  subject: z.string().min(1).max(60),
});

/**
 * One pooled group of needs, ready to become a shared session: its requesters, the region's relay
 * sites ranked by the requesters' total travel (the first minimises it), the travel and mission
 * costs avoided at the best site against each institution's usual venue, and the courses that can
 * answer it (published, in person or hybrid).
 */
export async function getPooledGroup(actor: TActor, input: z.input<typeof ZPooledGroupInput>, now = new Date()) {
  const parsed = ZPooledGroupInput.safeParse(input);
  if (!parsed.success) throw invalidNeedsInput(parsed.error);
  const { year, regionId, subject } = parsed.data;
  assertCan(actor, "needs.pool", { regionId });
  const region = await db.region.findUnique({
    where: { id: regionId },
    select: { id: true, nameFr: true, nameEn: true },
  });
  if (!region) throw needsError("NOT_FOUND", "needs.errors.notFound");
  const key = parseSubjectKey(subject);
  const [needs, sites, theme, scales] = await Promise.all([
    db.trainingNeed.findMany({
      where: pooledNeedsWhere({ regionId, year, subject }),
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        themeId: true,
        user: { select: { id: true, name: true, workplaceLat: true, workplaceLng: true } },
        campaign: {
          select: {
            institution: {
              select: {
                id: true,
                name: true,
                relaySites: {
                  orderBy: { code: "asc" },
                  take: 1,
                  select: { id: true, name: true, latitude: true, longitude: true },
                },
              },
            },
          },
        },
      },
    }),
    db.relaySite.findMany({
      where: { regionId },
      orderBy: { code: "asc" },
      select: {
        id: true,
        name: true,
        city: true,
        latitude: true,
        longitude: true,
        rooms: { orderBy: { name: "asc" }, select: { id: true, name: true, capacity: true } },
      },
    }),
    "themeId" in key ? db.theme.findUnique({ where: { id: key.themeId }, select: { id: true } }) : null,
    getMissionScales(),
  ]);
  const themeId = "themeId" in key ? theme?.id : needs[0]?.themeId;
  const versions = await db.courseVersion.findMany({
    where: {
      status: "PUBLISHED",
      course: {
        modality: { in: ["IN_PERSON", "HYBRID"] },
        // Open to every requester: in the national catalogue, or owned by an institution of the region.
        OR: [{ visibility: "NATIONAL" }, { institution: { regionId } }],
        ...("courseId" in key ? { id: key.courseId } : { themeId: themeId ?? "" }),
      },
    },
    orderBy: [{ courseId: "asc" }, { number: "desc" }],
    distinct: ["courseId"],
    select: { id: true, title: true, titleEn: true, declaredDurationMinutes: true },
  });
  const requesters: (TRequester & { needId: string; name: string; institution: string })[] = needs.map((need) => {
    const usual = need.campaign.institution.relaySites[0];
    return {
      needId: need.id,
      name: need.user.name,
      institution: need.campaign.institution.name,
      institutionId: need.campaign.institution.id,
      workplace:
        need.user.workplaceLat !== null && need.user.workplaceLng !== null
          ? { lat: need.user.workplaceLat, lng: need.user.workplaceLng }
          : null,
      usualVenue: usual ? { lat: usual.latitude, lng: usual.longitude } : null,
    };
  });
  const siteRanking = rankSites(
    requesters,
    sites.map((site) => ({ ...site, lat: site.latitude, lng: site.longitude })),
  );
  const best = siteRanking.best;
  const institutions = new Map(needs.map((need) => [need.campaign.institution.id, need.campaign.institution] as const));
  return {
    year,
    region,
    subject,
    requesters: requesters.map(({ needId, name, institution, workplace }) => ({
      needId,
      name,
      institution,
      hasWorkplace: workplace !== null,
    })),
    sites: siteRanking.ranked.map(({ site, km }) => ({
      id: site.id,
      name: site.name,
      city: site.city,
      km,
      isBest: site.id === best?.id,
      rooms: site.rooms,
    })),
    savings: best
      ? savingsByInstitution({ requesters, chosen: best, scales }).map((row) => ({
          ...row,
          institution: institutions.get(row.institutionId)?.name ?? "",
          usualVenue: institutions.get(row.institutionId)?.relaySites[0]?.name ?? null,
        }))
      : [],
    /** The mission-cost scales the savings were computed with (lib/mission-costs/mission-scales.ts). */
    scales,
    versions,
    canCreateSession: requesters.length > 0 && versions.length > 0 && sites.length > 0,
    /** Far enough ahead for a priority window and then registration open to all. */
    suggestedDate: new Date(now.getTime() + SUGGESTED_DAYS_AHEAD * 24 * 3600_000).toISOString().slice(0, 10),
  };
}
