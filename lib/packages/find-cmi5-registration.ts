import "server-only";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { packageWhereAuthor } from "./package-where-author";

/**
 * A cmi5 registration that the actor may manage (waive an AU, abandon a session): one of a
 * package they may author (their own imports, or their institution's when they author for it).
 * Anything else is NOT_FOUND, so nothing is learnt of other institutions' registrations.
 */
export async function findManagedCmi5RegistrationOrThrow(actor: TActor, where: { id?: string; sessionId?: string }) {
  const registration = await db.cmi5Registration.findFirst({
    where: {
      ...(where.id ? { id: where.id } : {}),
      ...(where.sessionId ? { sessions: { some: { id: where.sessionId } } } : {}),
      package: packageWhereAuthor(actor),
    },
    include: { package: { select: { id: true, title: true, manifest: true, institutionId: true } } },
  });
  if (!registration) throw keyedError("NOT_FOUND", "errors.packages.cmi5SessionNotFound");
  return registration;
}
