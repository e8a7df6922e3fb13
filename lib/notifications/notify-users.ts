import "server-only";
import type { TTransaction } from "../db";
import type { TNotificationKind, TNotificationParams } from "./notification-kinds";
import { renderNotification } from "./render-notification";

/**
 * Writes in-app notifications inside the caller's transaction. Each row is also the e-mail's
 * outbox entry (emailSentAt null): the delivery job sends it after commit and retries while SMTP
 * is down, so a rolled-back change sends nothing and a committed one loses no e-mail.
 */
export async function notifyUsers(
  tx: TTransaction,
  options: { userIds: string[]; kind: TNotificationKind; params: TNotificationParams; link?: string },
) {
  if (options.userIds.length === 0) return;
  const users = await tx.user.findMany({ where: { id: { in: options.userIds } }, select: { id: true, locale: true } });
  await tx.notification.createMany({
    data: users.map((user) => {
      const { title, body } = renderNotification(user.locale, options.kind, options.params);
      return { userId: user.id, kind: options.kind, title, body, link: options.link ?? null, params: options.params };
    }),
  });
}
