import "server-only";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { buildCmi5LmsStatement, isoDurationBetween } from "./build-cmi5-lms-statement";
import { cmi5ActivityId } from "./cmi5-vocabulary";
import { findManagedCmi5RegistrationOrThrow } from "./find-cmi5-registration";
import { readCmi5Structure } from "./launch-cmi5-au";
import { issueCmi5LmsStatements } from "./record-cmi5-satisfaction";

export const ZAbandonCmi5Session = z.object({ sessionId: z.uuid() });

/**
 * The LMS declares a session abandoned (cmi5 §9.3.6): its auth-token stops working at once and
 * the abandoned statement records the time from initialized to the last request (9.5.4.2-1).
 * A session already terminated or abandoned is left as it is.
 */
export async function abandonCmi5Session(actor: TActor, input: unknown): Promise<{ isAbandoned: boolean }> {
  const parsed = ZAbandonCmi5Session.safeParse(input);
  if (!parsed.success) throw keyedError("NOT_FOUND", "errors.packages.cmi5SessionNotFound");
  const sessionId = parsed.data.sessionId.toLowerCase();
  const registration = await findManagedCmi5RegistrationOrThrow(actor, { sessionId });
  const structure = readCmi5Structure(registration.package);
  return db.$transaction(
    async (tx) => {
      const now = new Date();
      const [session] = await tx.$queryRaw<
        { auIndex: number; createdAt: Date; initializedAt: Date | null; lastRequestAt: Date }[]
      >`SELECT "auIndex", "createdAt", "initializedAt", "lastRequestAt" FROM "Cmi5Session"
        WHERE "id" = ${sessionId}::uuid AND "terminatedAt" IS NULL AND "abandonedAt" IS NULL FOR UPDATE`;
      if (!session) return { isAbandoned: false };
      await tx.cmi5Session.update({ where: { id: sessionId }, data: { abandonedAt: now } });
      await issueCmi5LmsStatements(tx, [
        buildCmi5LmsStatement({
          verb: "abandoned",
          actor: registration.actor as Record<string, unknown>,
          registration: registration.id,
          sessionId,
          object: { id: cmi5ActivityId.au(registration.packageId, session.auIndex) },
          publisherId: structure.aus[session.auIndex]?.id ?? structure.courseId,
          result: { duration: isoDurationBetween(session.initializedAt ?? session.createdAt, session.lastRequestAt) },
        }),
      ]);
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "package.cmi5.abandon",
          entityType: "Cmi5Session",
          entityId: sessionId,
          institutionId: registration.institutionId,
          data: { registration: registration.id },
        },
      });
      return { isAbandoned: true };
    },
    { timeout: 15_000 },
  );
}
