import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { listFutureSessionsUsing } from "./site-access";
import { localizedAppError } from "../sessions/localize-app-error";

/** Deletes a room unless a future session uses it: the refusal lists those sessions. */
export async function deleteRoom(actor: TActor, input: { roomId: string }) {
  return db.$transaction(async (tx) => {
    const room = await tx.room.findUnique({
      where: { id: input.roomId },
      select: { id: true, name: true, siteId: true, site: { select: { institutionId: true } } },
    });
    if (!room)
      throw localizedAppError("NOT_FOUND", "This room does not exist.", {
        messageKey: "errors.sites.roomNotFound",
        values: {},
      });
    assertCan(actor, "site.manage", { relaySiteId: room.siteId, institutionId: room.site.institutionId });
    // The lock makes a booking being made right now wait, so it cannot slip in after the check.
    await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${room.id} FOR UPDATE`;
    const sessions = await listFutureSessionsUsing(tx, { roomId: room.id });
    if (sessions.length > 0) {
      throw localizedAppError("CONFLICT", `Room "${room.name}" is used by future sessions: ${sessions.join("; ")}.`, {
        sessions,
        messageKey: "sessions.siteRefusals.roomInUse",
        values: { room: room.name, sessions: sessions.join(" ; ") },
      });
    }
    if ((await tx.sessionSlot.count({ where: { roomId: room.id } })) > 0) {
      throw localizedAppError(
        "CONFLICT",
        `Room "${room.name}" is kept: past sessions and their attendance records refer to it.`,
        { messageKey: "sessions.siteRefusals.roomKept", values: { room: room.name } },
      );
    }
    await tx.room.delete({ where: { id: room.id } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "room.deleted",
        entityType: "Room",
        entityId: room.id,
        institutionId: room.site.institutionId,
        data: { name: room.name },
      },
    });
  });
}
