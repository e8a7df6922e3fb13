import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { institutionsWhere, regionsWhere } from "../auth/permissions";

/**
 * The institutions whose needs and cost indicators the actor may read: a training officer's own,
 * a regional correspondent's region's, every one for a national administrator.
 */
export async function listReadableInstitutions(actor: TActor) {
  const byInstitution = institutionsWhere(actor, "needs.indicators");
  const byRegion = regionsWhere(actor, "needs.indicators");
  return db.institution.findMany({
    where:
      byInstitution === "all" || byRegion === "all"
        ? {}
        : { OR: [{ id: { in: byInstitution } }, { regionId: { in: byRegion } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
