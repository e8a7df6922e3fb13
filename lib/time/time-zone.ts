/** Used when a site belongs to no institution: the default of Institution.timeZone (prisma/schema.prisma). */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

/** Dates of a session are shown in its site's institution's time zone (docs/ARCHITECTURE.md, "Dates and languages"). */
export function timeZoneOf(holder: { institution: { timeZone: string } | null } | null | undefined): string {
  return holder?.institution?.timeZone ?? DEFAULT_TIME_ZONE;
}
