import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { getSiteOrThrow, listFutureSessionsUsing } from "./site-access";
import { localizedAppError } from "../sessions/localize-app-error";

/** Deletes a relay site unless future sessions are planned there (listed in the refusal) or past ones are on record. */
export async function deleteSite(actor: TActor, input: { siteId: string }) {
  return db.$transaction(async (tx) => {
    const site = await getSiteOrThrow(tx, input.siteId);
    assertCan(actor, "site.manage", { relaySiteId: site.id, institutionId: site.institutionId });
    await tx.$queryRaw`SELECT id FROM "RelaySite" WHERE id = ${site.id} FOR UPDATE`;
    const sessions = await listFutureSessionsUsing(tx, { siteId: site.id });
    if (sessions.length > 0) {
      throw localizedAppError("CONFLICT", `Site "${site.name}" has future sessions: ${sessions.join("; ")}.`, {
        sessions,
        messageKey: "sessions.siteRefusals.siteInUse",
        values: { site: site.name, sessions: sessions.join(" ; ") },
      });
    }
    if ((await tx.trainingSession.count({ where: { siteId: site.id } })) > 0) {
      throw localizedAppError("CONFLICT", `Site "${site.name}" is kept: past sessions refer to it.`, {
        messageKey: "sessions.siteRefusals.siteKept",
        values: { site: site.name },
      });
    }
    await tx.room.deleteMany({ where: { siteId: site.id } });
    await tx.relaySite.delete({ where: { id: site.id } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "site.deleted",
        entityType: "RelaySite",
        entityId: site.id,
        institutionId: site.institutionId,
        data: { name: site.name },
      },
    });
  });
}
