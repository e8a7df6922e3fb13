import "server-only";
import type { TActor } from "../auth/permissions";
import { regionsWhere } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { db } from "../db";
import { needsError } from "./needs-error";

/**
 * The regions whose needs an actor pools: a regional correspondent's own region, any region for
 * a national administrator. Asking for another region is refused (not silently emptied).
 */
export async function resolvePoolingRegions(actor: TActor, regionId: string | undefined): Promise<string[]> {
  if (regionId) {
    assertCan(actor, "needs.pool", { regionId });
    return [regionId];
  }
  const scope = regionsWhere(actor, "needs.pool");
  if (scope !== "all") {
    if (scope.length === 0) assertCan(actor, "needs.pool", { regionId: "" });
    return scope;
  }
  return (await db.region.findMany({ select: { id: true } })).map((region) => region.id);
}

export async function getRegionOrThrow(regionId: string) {
  const region = await db.region.findUnique({
    where: { id: regionId },
    select: { id: true, nameFr: true, nameEn: true },
  });
  if (!region) throw needsError("NOT_FOUND", "needs.errors.notFound");
  return region;
}
