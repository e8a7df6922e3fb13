import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { localizedAppError } from "../sessions/localize-app-error";
import { getSiteOrThrow } from "./site-access";
import { fieldError } from "./update-site";

/** The vocabulary of room accessibility features (as in content/demo/relay-sites.json). */
export const ROOM_FEATURES = [
  "step-free",
  "lift",
  "hearing-loop",
  "adapted-toilets",
  "projector",
  "videoconference",
] as const;

export const ZSaveRoomInput = z.object({
  siteId: z.string().min(1),
  roomId: z.string().min(1).optional(),
  name: z.string().trim().min(1).max(120),
  capacity: z.coerce.number().int().min(1).max(1000),
  accessibilityFeatures: z.array(z.enum(ROOM_FEATURES)).default([]),
});

/**
 * Creates or updates a room. Lowering a capacity below a future session's capacity is refused,
 * so the "capacity never above the room's" rule keeps holding after the edit.
 */
export async function saveRoom(actor: TActor, input: z.input<typeof ZSaveRoomInput>) {
  const parsed = ZSaveRoomInput.safeParse(input);
  if (!parsed.success) throw fieldError(parsed.error);
  const { siteId, roomId, ...fields } = parsed.data;
  return db.$transaction(async (tx) => {
    const site = await getSiteOrThrow(tx, siteId);
    assertCan(actor, "site.manage", { relaySiteId: site.id, institutionId: site.institutionId });
    const duplicate = await tx.room.findFirst({
      where: { siteId, name: fields.name, ...(roomId ? { id: { not: roomId } } : {}) },
      select: { id: true },
    });
    if (duplicate)
      throw localizedAppError("CONFLICT", `name: a room named "${fields.name}" already exists at this site.`, {
        messageKey: "errors.sites.duplicateRoom",
        values: { name: fields.name },
      });
    let room;
    if (roomId) {
      await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${roomId} FOR NO KEY UPDATE`;
      const existing = await tx.room.findUnique({ where: { id: roomId }, select: { siteId: true } });
      if (!existing || existing.siteId !== siteId)
        throw localizedAppError("NOT_FOUND", "This room does not exist.", {
          messageKey: "errors.sites.roomNotFound",
          values: {},
        });
      const bigger = await tx.trainingSession.findFirst({
        where: {
          status: { notIn: ["CANCELLED", "DONE"] },
          capacity: { gt: fields.capacity },
          slots: { some: { roomId, endsAt: { gt: new Date() } } },
        },
        select: { capacity: true, courseVersion: { select: { title: true } } },
      });
      if (bigger) {
        throw localizedAppError(
          "CONFLICT",
          `capacity: "${bigger.courseVersion.title}" is planned here for ${bigger.capacity} people.`,
          {
            messageKey: "sessions.siteRefusals.roomTooSmall",
            values: { title: bigger.courseVersion.title, capacity: bigger.capacity },
          },
        );
      }
      room = await tx.room.update({ where: { id: roomId }, data: fields, select: { id: true } });
    } else {
      room = await tx.room.create({ data: { ...fields, siteId }, select: { id: true } });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: roomId ? "room.updated" : "room.created",
        entityType: "Room",
        entityId: room.id,
        institutionId: site.institutionId,
        data: fields,
      },
    });
    return room;
  });
}
