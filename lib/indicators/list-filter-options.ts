import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { institutionsWhere } from "../auth/permissions";
import type { TLocale } from "../i18n/config";

/** Regions and institutions the actor may filter the indicators on. */
export async function listFilterOptions(actor: TActor, locale: TLocale) {
  const scope = institutionsWhere(actor, "indicators.read");
  const [regions, institutions] = await Promise.all([
    db.region.findMany({ orderBy: { code: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
    db.institution.findMany({
      where: scope === "all" ? {} : { id: { in: scope } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    regions: regions.map((region) => ({ id: region.id, name: locale === "en" ? region.nameEn : region.nameFr })),
    institutions,
  };
}
