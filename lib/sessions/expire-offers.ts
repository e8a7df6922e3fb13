import "server-only";
import { db } from "../db";
import { lockSession } from "./session-access";
import { offerFreedSeats } from "./offer-freed-seats";
import { notifyUsers } from "../notifications/notify-users";

/** Run by a job: lapsed offers are withdrawn and their seats offered to the next in line. Returns how many lapsed. */
export async function expireOffers(now = new Date()): Promise<number> {
  const lapsed = await db.registration.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now } },
    select: { sessionId: true },
    distinct: ["sessionId"],
  });
  let count = 0;
  for (const { sessionId } of lapsed) {
    count += await db.$transaction(async (tx) => {
      await lockSession(tx, sessionId);
      // Re-read under the lock: the agent may have accepted in the meantime.
      const rows = await tx.registration.findMany({
        where: { sessionId, status: "OFFERED", offerExpiresAt: { lte: now } },
        select: {
          id: true,
          userId: true,
          session: { select: { courseVersion: { select: { title: true } }, site: { select: { name: true } } } },
        },
      });
      for (const row of rows) {
        await tx.registration.update({ where: { id: row.id }, data: { status: "CANCELLED", offerExpiresAt: null } });
        await tx.registrationStatusChange.create({
          data: { registrationId: row.id, fromStatus: "OFFERED", toStatus: "CANCELLED", comment: "offer expired" },
        });
        await notifyUsers(tx, {
          userIds: [row.userId],
          kind: "offerExpired",
          link: `/sessions/${sessionId}`,
          params: { sessionId, course: row.session.courseVersion.title, site: row.session.site.name },
        });
      }
      await offerFreedSeats(tx, sessionId, now);
      return rows.length;
    });
  }
  return count;
}
