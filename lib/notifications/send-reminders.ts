import "server-only";
import { db } from "../db";
import { notifyUsers } from "./notify-users";
import { slotDateParams } from "../time/format-slot-range";

const DAY = 24 * 3600_000;

/**
 * Reminders 7 days and 1 day before a session's first half-day, to confirmed agents. Run hourly
 * by a job; a reminder already sent for a session is never sent again (so reruns are harmless).
 */
export async function sendReminders(now = new Date()): Promise<number> {
  let count = 0;
  for (const { kind, days } of [
    { kind: "reminder7" as const, days: 7 },
    { kind: "reminder1" as const, days: 1 },
  ]) {
    const sessions = await db.trainingSession.findMany({
      where: {
        status: { in: ["OPEN", "FULL", "PLANNED"] },
        slots: {
          some: {
            startsAt: { gt: new Date(now.getTime() + (days - 1) * DAY), lte: new Date(now.getTime() + days * DAY) },
          },
        },
      },
      select: {
        id: true,
        courseVersion: { select: { title: true } },
        site: { select: { name: true, institution: { select: { timeZone: true } } } },
        slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true, endsAt: true } },
        registrations: { where: { status: "CONFIRMED" }, select: { userId: true } },
      },
    });
    for (const session of sessions) {
      const first = session.slots[0]!;
      // Only the window that contains the first half-day, not a later one of a multi-day session.
      if (first.startsAt.getTime() <= now.getTime() + (days - 1) * DAY) continue;
      await db.$transaction(async (tx) => {
        const already = await tx.notification.findMany({
          where: {
            kind,
            link: `/sessions/${session.id}`,
            userId: { in: session.registrations.map((row) => row.userId) },
          },
          select: { userId: true },
        });
        const userIds = session.registrations
          .map((row) => row.userId)
          .filter((userId) => !already.some((row) => row.userId === userId));
        await notifyUsers(tx, {
          userIds,
          kind,
          link: `/sessions/${session.id}`,
          params: {
            sessionId: session.id,
            course: session.courseVersion.title,
            site: session.site.name,
            ...slotDateParams(first, session.site.institution?.timeZone),
          },
        });
        count += userIds.length;
      });
    }
  }
  return count;
}
