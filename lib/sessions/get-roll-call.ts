import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { sessionResource } from "./session-access";
import { getSlotOrThrow } from "./attendance-access";

/** The roll of a half-day: confirmed agents with their current presence, for the trainer's phone. */
export async function getRollCall(actor: TActor, slotId: string) {
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
  return {
    slot,
    registrations: registrations.map((row) => ({ id: row.id, user: row.user, attendance: row.attendances[0] ?? null })),
  };
}
