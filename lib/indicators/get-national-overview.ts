import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";

/**
 * Trainees per region. Definition (DESIGN.md §1): distinct agents with at least one completed
 * training — not the number of enrolments. The full indicator set lives in this folder later.
 */
export async function getNationalOverview(actor: TActor) {
  assertCan(actor, "indicators.national");
  const regions = await db.region.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameFr: true, nameEn: true, _count: { select: { institutions: true } } },
  });
  return Promise.all(
    regions.map(async (region) => ({
      ...region,
      agents: await db.user.count({ where: { institution: { regionId: region.id }, memberships: { some: { role: "AGENT" } } } }),
      trainees: await db.user.count({
        where: { institution: { regionId: region.id }, enrolments: { some: { status: "COMPLETED" } } },
      }),
    })),
  );
}
