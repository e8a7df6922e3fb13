import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { sessionResource } from "./session-access";
import { getSlotOrThrow } from "./attendance-access";
import { attendanceWindow } from "./attendance-window";

/**
 * The roll of a half-day: confirmed agents with their current presence, for the trainer's phone,
 * and when it may be recorded (`canRecord`: inside the attendance window, session not cancelled).
 */
export async function getRollCall(actor: TActor, slotId: string, now = new Date()) {
  const slot = await getSlotOrThrow(slotId);
  assertCan(actor, "attendance.record", sessionResource(slot.session));
  const registrations = await db.registration.findMany({
    where: { sessionId: slot.sessionId, status: "CONFIRMED" },
    orderBy: { user: { name: "asc" } },
    select: {
      id: true,
      user: { select: { id: true, name: true } },
      attendances: { where: { slotId }, select: { isPresent: true, method: true, recordedAt: true } },
    },
  });
  const window = attendanceWindow(slot);
  return {
    slot,
    window: {
      opensAt: window.opensAt,
      closesAt: window.rollCallClosesAt,
      canRecord: slot.session.status !== "CANCELLED" && now >= window.opensAt && now <= window.rollCallClosesAt,
    },
    registrations: registrations.map((row) => ({
      id: row.id,
      user: row.user,
      attendance: row.attendances[0] ?? null,
    })),
  };
}
