import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { buildCmi5LmsStatement } from "./build-cmi5-lms-statement";
import { isAuSatisfied, readCmi5Progress } from "./cmi5-progress";
import { CMI5_EXTENSION, cmi5ActivityId } from "./cmi5-vocabulary";
import { findManagedCmi5RegistrationOrThrow } from "./find-cmi5-registration";
import { readCmi5Structure } from "./launch-cmi5-au";
import { issueCmi5LmsStatements, recordCmi5Satisfaction } from "./record-cmi5-satisfaction";

export const ZWaiveCmi5Au = z.object({
  registration: z.uuid(),
  auIndex: z.number().int().min(0).max(100_000),
  /** cmi5 §9.5.5.2: Tested Out, Equivalent AU, Equivalent Outside Activity, Administrative. */
  reason: z.enum(["Tested Out", "Equivalent AU", "Equivalent Outside Activity", "Administrative"]),
});

/**
 * Waives an AU of a registration (cmi5 §9.3.7): a waived statement with the reason, success and
 * completion, in a session of its own (9.3.7.0-3), then satisfied for what it now satisfies.
 * An AU already satisfied cannot be waived (it has nothing left to satisfy).
 */
export async function waiveCmi5Au(actor: TActor, input: unknown): Promise<{ sessionId: string }> {
  const parsed = ZWaiveCmi5Au.safeParse(input);
  if (!parsed.success) throw keyedError("INVALID", "errors.packages.cmi5NotLaunchable");
  const { auIndex, reason } = parsed.data;
  const found = await findManagedCmi5RegistrationOrThrow(actor, { id: parsed.data.registration.toLowerCase() });
  const structure = readCmi5Structure(found.package);
  const au = structure.aus[auIndex];
  if (!au) throw keyedError("NOT_FOUND", "errors.packages.cmi5NotLaunchable");
  const sessionId = randomUUID();
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`cmi5-registration:${found.id}`}))`;
      const registration = await tx.cmi5Registration.findUniqueOrThrow({ where: { id: found.id } });
      const progress = readCmi5Progress(registration.progress);
      const current = progress.aus[String(auIndex)];
      if (isAuSatisfied(au, current)) throw keyedError("CONFLICT", "errors.packages.cmi5AlreadySatisfied");
      const actorJson = registration.actor as Record<string, unknown>;
      await issueCmi5LmsStatements(tx, [
        buildCmi5LmsStatement({
          verb: "waived",
          actor: actorJson,
          registration: registration.id,
          sessionId,
          object: { id: cmi5ActivityId.au(registration.packageId, auIndex) },
          publisherId: au.id,
          hasMoveOnCategory: true,
          result: { success: true, completion: true, extensions: { [CMI5_EXTENSION.reason]: reason } },
        }),
      ]);
      const next = await recordCmi5Satisfaction(tx, {
        registration: { ...registration, actor: actorJson },
        structure,
        progress: { ...progress, aus: { ...progress.aus, [String(auIndex)]: { ...current, waived: true } } },
        sessionId,
      });
      await tx.cmi5Registration.update({ where: { id: registration.id }, data: { progress: next as object } });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "package.cmi5.waive",
          entityType: "Cmi5Registration",
          entityId: registration.id,
          institutionId: registration.institutionId,
          data: { auIndex, reason },
        },
      });
    },
    { timeout: 15_000 },
  );
  return { sessionId };
}
