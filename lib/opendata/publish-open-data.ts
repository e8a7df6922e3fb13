import "server-only";
import { db, type Prisma } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { OPEN_DATA_BREAKDOWNS } from "./build-raw-cells";
import { computeOpenData, openDataYears, type TOpenDataSnapshot } from "./get-open-data";
import { localizedAppError } from "../errors/localized-error";

/**
 * The national administrator publishes a year's open data: every breakdown is computed now, under
 * statistical secrecy, and frozen. Downloads serve that snapshot until the next publication, so a
 * published figure never changes silently. Publishing again replaces it (new date), audited.
 */
/**
 * What publishing the year would freeze, computed now and not stored: the administrator reads it
 * (every breakdown, with the suppressed cells) before confirming the publication.
 */
export async function previewOpenData(actor: TActor, options: { year: number }): Promise<TOpenDataSnapshot> {
  assertCan(actor, "opendata.publish");
  const { year } = options;
  if (!openDataYears().includes(year))
    throw localizedAppError("INVALID", `year must be one of ${openDataYears().join(", ")}`, {
      messageKey: "errors.openData.yearNotAllowed",
      values: { years: openDataYears().join(", ") },
    });
  const computed = await Promise.all(
    OPEN_DATA_BREAKDOWNS.map(async (breakdown) => [breakdown, await computeOpenData({ year, breakdown })] as const),
  );
  return { breakdowns: Object.fromEntries(computed) as TOpenDataSnapshot["breakdowns"] };
}

export async function publishOpenData(
  actor: TActor,
  options: { year: number },
): Promise<{ year: number; publishedAt: Date }> {
  const { year } = options;
  const data = await previewOpenData(actor, { year });
  const publishedAt = new Date();
  const json = JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
  await db.$transaction([
    db.openDataSnapshot.upsert({
      where: { year },
      create: { year, data: json, publishedAt, publishedById: actor.userId },
      update: { data: json, publishedAt, publishedById: actor.userId },
    }),
    db.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "opendata.published",
        entityType: "OpenDataSnapshot",
        entityId: String(year),
        institutionId: null,
        data: { year },
      },
    }),
  ]);
  return { year, publishedAt };
}
