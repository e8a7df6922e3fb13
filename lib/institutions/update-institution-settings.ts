import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { localizedAppError } from "../errors/localized-error";

export const ZUpdateInstitutionSettingsInput = z.object({
  institutionId: z.string().min(1),
  timeZone: z.string().refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone), "unknown IANA time zone"),
});
export type TUpdateInstitutionSettingsInput = z.infer<typeof ZUpdateInstitutionSettingsInput>;

/** A training officer changes their institution's settings; the audit row is written in the same transaction. */
export async function updateInstitutionSettings(actor: TActor, input: TUpdateInstitutionSettingsInput) {
  const parsed = ZUpdateInstitutionSettingsInput.safeParse(input);
  if (!parsed.success)
    throw localizedAppError("INVALID", `Invalid time zone: ${input.timeZone}`, {
      messageKey: "errors.institutions.timeZone",
      values: { zone: String(input.timeZone ?? "") },
    });
  const { institutionId, timeZone } = parsed.data;
  assertCan(actor, "institution.update", { institutionId });
  return db.$transaction(async (tx) => {
    const existing = await tx.institution.findUnique({ where: { id: institutionId }, select: { timeZone: true } });
    if (!existing)
      throw localizedAppError("NOT_FOUND", "This institution does not exist.", {
        messageKey: "errors.institutions.notFound",
        values: {},
      });
    const updated = await tx.institution.update({
      where: { id: institutionId },
      data: { timeZone },
      select: { id: true, timeZone: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "institution.settings.updated",
        entityType: "Institution",
        entityId: institutionId,
        institutionId,
        data: { timeZone: { from: existing.timeZone, to: timeZone } },
      },
    });
    return updated;
  });
}
