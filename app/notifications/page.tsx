import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { ActionForm } from "@/components/sessions/action-form";
import { markReadAction } from "./notifications.action";

export const generateMetadata = pageTitle("pageTitles.notifications");

export default async function NotificationsPage() {
  const actor = await requirePageActor();
  const [{ locale, t }, notifications] = await Promise.all([getTranslator(), listNotifications(actor)]);
  return (
    <>
      <h1>{t("sessions.notifications.title")}</h1>
      {notifications.length === 0 ? (
        <p>{t("sessions.notifications.empty")}</p>
      ) : (
        <>
          <ActionForm
            id="mark-read"
            action={markReadAction}
            submitLabel={t("sessions.notifications.markRead")}
            doneMessage={t("sessions.notifications.marked")}
            isSecondary
          />
          <ul className="card-list">
            {notifications.map((notification) => (
              <li key={notification.id} className="card">
                <h2 className="card-title">
                  {notification.link ? <Link href={notification.link}>{notification.title}</Link> : notification.title}
                  {!notification.readAt && <span className="badge"> {t("sessions.notifications.unread")}</span>}
                </h2>
                <p>{notification.body}</p>
                <p className="muted">{formatDate(locale, notification.createdAt, { withTime: true })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
