import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";

export async function listNotifications(actor: TActor) {
  return db.notification.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

/** Marks the actor's own notifications read (never someone else's: the userId is in the where). */
export async function markNotificationsRead(actor: TActor): Promise<void> {
  await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}

/** The actor's unread in-app notifications (the count beside links to /notifications). */
export async function countUnreadNotifications(actor: TActor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
