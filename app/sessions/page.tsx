import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listOpenSessions } from "@/lib/sessions/list-open-sessions";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import "@/components/sessions/sessions.css";

export const generateMetadata = pageTitle("pageTitles.sessions");

export default async function SessionsPage() {
  const actor = await requirePagePermission("session.register");
  const [{ locale, t }, sessions] = await Promise.all([getTranslator(), listOpenSessions(actor)]);
  return (
    <>
      <h1>{t("sessions.list.title")}</h1>
      <p className="lead">{t("sessions.list.intro")}</p>
      <p>
        <Link href="/approvals">{t("sessions.approvals.title")}</Link> ·{" "}
        <Link href="/sessions/calendar">{t("sessions.calendar.myTitle")}</Link> ·{" "}
        <Link href="/check-in">{t("sessions.checkIn.title")}</Link> ·{" "}
        <Link href="/notifications">{t("sessions.notifications.title")}</Link> ·{" "}
        <Link href="/sites">{t("sessions.sites.title")}</Link>
      </p>
      {sessions.length === 0 ? (
        <p>{t("sessions.list.empty")}</p>
      ) : (
        <ul className="card-list">
          {sessions.map((session) => (
            <li key={session.id} className="card">
              <h2 className="card-title">
                <Link href={`/sessions/${session.id}`}>
                  {localized(locale, session.courseVersion.title, session.courseVersion.titleEn)}
                </Link>
              </h2>
              <p className="badge">{t(`enums.sessionStatus.${session.status}`)}</p>
              <p>
                {session.site.name} ({session.site.city})
                {session.distanceKm !== null &&
                  ` — ${t("sessions.list.distance", { km: formatNumber(locale, session.distanceKm, { maximumFractionDigits: 0 }) })}`}
              </p>
              {session.slots[0] && (
                <p>
                  {t("sessions.list.starts", {
                    date: formatDate(locale, session.slots[0].startsAt, { withTime: true }),
                  })}
                </p>
              )}
              {session.myStatus && <p className="badge">{t(`sessions.registrationStatus.${session.myStatus}`)}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
