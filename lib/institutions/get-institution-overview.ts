import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { AppError } from "../errors/app-error";

/** An institution's identity and headline figures, for its training officers and national admins. */
export async function getInstitutionOverview(actor: TActor, institutionId: string) {
  assertCan(actor, "institution.read", { institutionId });
  const institution = await db.institution.findUnique({
    where: { id: institutionId },
    select: { id: true, code: true, name: true, timeZone: true, region: { select: { nameFr: true, nameEn: true } } },
  });
  if (!institution) throw new AppError("NOT_FOUND", "This institution does not exist.");
  const [agents, enrolments, completions, trainees] = await Promise.all([
    db.user.count({ where: { institutionId } }),
    db.enrolment.count({ where: { user: { institutionId } } }),
    db.enrolment.count({ where: { user: { institutionId }, status: "COMPLETED" } }),
    db.user.count({ where: { institutionId, enrolments: { some: { status: "COMPLETED" } } } }),
  ]);
  return { institution, figures: { agents, enrolments, completions, trainees } };
}
