import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { localizedAppError } from "../errors/localized-error";

/**
 * An institution's identity and how many agents Relais knows there, for its training officers and
 * national admins. Training figures (trainees, enrolments, completions) are indicators: they come
 * from the indicator dashboard for a period, with their written definitions, never from here, so
 * that a page never shows two different figures for one indicator.
 */
export async function getInstitutionOverview(actor: TActor, institutionId: string) {
  assertCan(actor, "institution.read", { institutionId });
  const institution = await db.institution.findUnique({
    where: { id: institutionId },
    select: { id: true, code: true, name: true, timeZone: true, region: { select: { nameFr: true, nameEn: true } } },
  });
  if (!institution)
    throw localizedAppError("NOT_FOUND", "This institution does not exist.", {
      messageKey: "errors.institutions.notFound",
      values: {},
    });
  const agents = await db.user.count({ where: { institutionId } });
  return { institution, figures: { agents } };
}
