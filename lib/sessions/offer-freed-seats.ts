import "server-only";
import type { TTransaction } from "../db";
import { notifyUsers } from "../notifications/notify-users";
import { SEAT_HOLDING_STATUSES, formatSlotRange } from "./session-access";
import { slotDateParams } from "../time/format-slot-range";

/** How long a freed seat stays offered to the next person on the waitlist. */
export const OFFER_DURATION_MS = 48 * 3600_000;

/**
 * Offers each free seat to the next person on the waitlist (first come, first served) and keeps
 * the session's OPEN/FULL status in step with its seats. The caller holds the session lock.
 */
export async function offerFreedSeats(tx: TTransaction, sessionId: string, now = new Date()): Promise<void> {
  const session = await tx.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      capacity: true,
      status: true,
      registrationDeadline: true,
      courseVersion: { select: { title: true } },
      site: { select: { name: true, institution: { select: { timeZone: true } } } },
      slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
    },
  });
  if (session.status !== "OPEN" && session.status !== "FULL") return;
  let taken = await tx.registration.count({ where: { sessionId, status: { in: [...SEAT_HOLDING_STATUSES] } } });
  const first = session.slots[0];
  // An offer never outlives the start of the session.
  const expiresAt = new Date(Math.min(now.getTime() + OFFER_DURATION_MS, first?.startsAt.getTime() ?? Infinity));
  while (taken < session.capacity && expiresAt > now) {
    const next = await tx.registration.findFirst({
      where: { sessionId, status: "WAITLISTED" },
      orderBy: [{ waitlistedAt: "asc" }, { id: "asc" }],
      select: { id: true, userId: true },
    });
    if (!next) break;
    await tx.registration.update({ where: { id: next.id }, data: { status: "OFFERED", offerExpiresAt: expiresAt } });
    await tx.registrationStatusChange.create({
      data: { registrationId: next.id, fromStatus: "WAITLISTED", toStatus: "OFFERED", comment: "seat freed" },
    });
    await notifyUsers(tx, {
      userIds: [next.userId],
      kind: "seatOffered",
      link: `/sessions/${sessionId}`,
      params: {
        sessionId,
        course: session.courseVersion.title,
        site: session.site.name,
        ...slotDateParams(first, session.site.institution?.timeZone),
        expires: formatSlotRange(expiresAt, expiresAt, session.site.institution?.timeZone).split("–")[0]!,
      },
    });
    taken++;
  }
  const status = taken >= session.capacity ? "FULL" : "OPEN";
  if (status !== session.status) await tx.trainingSession.update({ where: { id: sessionId }, data: { status } });
}
