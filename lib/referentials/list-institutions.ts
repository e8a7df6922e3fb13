import "server-only";
import { db } from "../db";

/** The institutions of the platform: public reference data (code, name, region), no figures. */
export function listInstitutions() {
  return db.institution.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      timeZone: true,
      region: { select: { code: true, nameFr: true, nameEn: true } },
    },
  });
}
