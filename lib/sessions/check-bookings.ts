import "server-only";
import type { TTransaction } from "../db";
import type { HalfDay } from "../db/generated/enums";
import { formatSlotRange } from "../time/format-slot-range";
import { localizedAppError } from "./localize-app-error";

export type TSlotInput = { startsAt: Date; endsAt: Date; halfDay: HalfDay; roomId: string; trainerIds: string[] };

/**
 * Refuses a set of slots that would double-book a room or a trainer, or a capacity above a room's.
 * Must run inside the transaction that writes the slots: it first locks the rooms and trainers
 * concerned (ordered by id, so two bookings cannot deadlock), so a concurrent booking of the same
 * room or trainer waits for this one to commit and then sees its slots.
 */
export async function checkBookings(
  tx: TTransaction,
  options: { siteId: string; capacity: number; slots: TSlotInput[]; excludeSessionId?: string; timeZone: string },
) {
  const roomIds = [...new Set(options.slots.map((slot) => slot.roomId))].sort();
  const trainerIds = [...new Set(options.slots.flatMap((slot) => slot.trainerIds))].sort();
  // FOR NO KEY UPDATE: serializes bookings without blocking foreign-key checks on these rows.
  await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ANY(${roomIds}::text[]) ORDER BY id FOR NO KEY UPDATE`;
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ANY(${trainerIds}::text[]) ORDER BY id FOR NO KEY UPDATE`;

  const rooms = await tx.room.findMany({
    where: { id: { in: roomIds } },
    select: { id: true, name: true, capacity: true, siteId: true },
  });
  for (const roomId of roomIds) {
    const room = rooms.find((candidate) => candidate.id === roomId);
    if (!room || room.siteId !== options.siteId)
      throw localizedAppError("INVALID", "The chosen room is not a room of this site.", {
        messageKey: "errors.sessions.roomNotOfSite",
        values: {},
      });
    if (options.capacity > room.capacity) {
      throw localizedAppError(
        "INVALID",
        `capacity: ${options.capacity} seats is more than room "${room.name}" holds (${room.capacity}).`,
        {
          messageKey: "sessions.clash.capacity",
          values: { capacity: options.capacity, room: room.name, roomCapacity: room.capacity },
        },
      );
    }
  }
  const trainers = await tx.user.findMany({
    where: { id: { in: trainerIds }, memberships: { some: { role: "TRAINER" } } },
    select: { id: true, name: true },
  });
  for (const trainerId of trainerIds) {
    if (!trainers.some((trainer) => trainer.id === trainerId))
      throw localizedAppError("INVALID", "The person chosen as trainer does not have the trainer role.", {
        messageKey: "errors.sessions.notATrainer",
        values: {},
      });
  }
  const roomName = (id: string) => rooms.find((room) => room.id === id)?.name ?? id;
  const trainerName = (id: string) => trainers.find((trainer) => trainer.id === id)?.name ?? id;

  // Clashes among the submitted slots themselves.
  options.slots.forEach((slot, index) => {
    for (const other of options.slots.slice(index + 1)) {
      if (slot.startsAt >= other.endsAt || other.startsAt >= slot.endsAt) continue;
      const range = formatSlotRange(slot, { timeZone: options.timeZone });
      if (slot.roomId === other.roomId) {
        throw localizedAppError(
          "CONFLICT",
          `Room "${roomName(slot.roomId)}" is booked twice on ${range} in this session.`,
          { messageKey: "sessions.clash.roomTwice", values: { room: roomName(slot.roomId), range } },
        );
      }
      const shared = slot.trainerIds.find((id) => other.trainerIds.includes(id));
      if (shared) {
        throw localizedAppError(
          "CONFLICT",
          `Trainer ${trainerName(shared)} is booked twice on ${range} in this session.`,
          { messageKey: "sessions.clash.trainerTwice", values: { trainer: trainerName(shared), range } },
        );
      }
    }
  });

  // Clashes with other sessions that are not cancelled.
  const clashes = await tx.sessionSlot.findMany({
    where: {
      session: {
        status: { not: "CANCELLED" },
        ...(options.excludeSessionId ? { id: { not: options.excludeSessionId } } : {}),
      },
      OR: options.slots.map((slot) => ({
        startsAt: { lt: slot.endsAt },
        endsAt: { gt: slot.startsAt },
        OR: [{ roomId: slot.roomId }, { trainers: { some: { userId: { in: slot.trainerIds } } } }],
      })),
    },
    select: {
      startsAt: true,
      endsAt: true,
      roomId: true,
      trainers: { select: { userId: true } },
      session: { select: { courseVersion: { select: { title: true } } } },
    },
    orderBy: { startsAt: "asc" },
  });
  for (const slot of options.slots) {
    for (const clash of clashes) {
      if (slot.startsAt >= clash.endsAt || clash.startsAt >= slot.endsAt) continue;
      const title = clash.session.courseVersion.title;
      const range = formatSlotRange(clash, { timeZone: options.timeZone });
      if (clash.roomId === slot.roomId) {
        throw localizedAppError(
          "CONFLICT",
          `Room "${roomName(slot.roomId)}" is already booked by "${title}" (${range}).`,
          { messageKey: "sessions.clash.roomBooked", values: { room: roomName(slot.roomId), title, range } },
        );
      }
      const shared = clash.trainers.find((trainer) => slot.trainerIds.includes(trainer.userId));
      if (shared) {
        throw localizedAppError(
          "CONFLICT",
          `Trainer ${trainerName(shared.userId)} is already teaching "${title}" (${range}).`,
          { messageKey: "sessions.clash.trainerBooked", values: { trainer: trainerName(shared.userId), title, range } },
        );
      }
    }
  }
}
