import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { distanceKmOrNull } from "../sessions/geo";

/**
 * Every relay site, nearest to the actor's workplace first, and that workplace (for the map).
 * The list is the accessible alternative to the map; neither needs an external tile server.
 */
export async function listSitesByDistance(actor: TActor) {
  const [me, sites] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { workplaceLat: true, workplaceLng: true } }),
    db.relaySite.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        city: true,
        latitude: true,
        longitude: true,
        accessibility: true,
        region: { select: { nameFr: true, nameEn: true } },
      },
    }),
  ]);
  const workplace =
    me.workplaceLat !== null && me.workplaceLng !== null ? { lat: me.workplaceLat, lng: me.workplaceLng } : null;
  return {
    workplace,
    sites: sites
      .map((site) => ({
        ...site,
        distanceKm: distanceKmOrNull(
          { lat: me.workplaceLat, lng: me.workplaceLng },
          { lat: site.latitude, lng: site.longitude },
        ),
      }))
      .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name)),
  };
}
