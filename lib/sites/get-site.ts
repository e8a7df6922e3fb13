import "server-only";
import { db } from "../db";
import { can, type TActor } from "../auth/permissions";
import { localizedAppError } from "../errors/localized-error";

/** A relay site's public page (address, rooms, accessibility, hours), plus whether the actor manages it. */
export async function getSite(actor: TActor, siteId: string) {
  const site = await db.relaySite.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      code: true,
      name: true,
      address: true,
      postalCode: true,
      city: true,
      latitude: true,
      longitude: true,
      accessibility: true,
      openingHours: true,
      contactEmail: true,
      contactPhone: true,
      institutionId: true,
      region: { select: { nameFr: true, nameEn: true } },
      rooms: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, capacity: true, accessibilityFeatures: true },
      },
    },
  });
  if (!site)
    throw localizedAppError("NOT_FOUND", "This relay site does not exist.", {
      messageKey: "errors.sites.siteNotFound",
      values: {},
    });
  const resource = { relaySiteId: site.id, institutionId: site.institutionId };
  return {
    site,
    canManage: can(actor, "site.manage", resource),
    canSchedule: can(actor, "session.schedule", resource),
  };
}
