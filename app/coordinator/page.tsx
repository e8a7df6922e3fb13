import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listSiteSessions } from "@/lib/sessions/list-site-sessions";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";

export const metadata: Metadata = { title: "Sessions du site" };

export default async function CoordinatorPage() {
  const actor = await requirePagePermission("session.schedule");
  const [{ locale, t }, { sites, sessions }] = await Promise.all([getTranslator(), listSiteSessions(actor)]);
  return (
    <>
      <h1>{t("coordinator.title")}</h1>
      {sites.length === 0 && <p>{t("coordinator.noSite")}</p>}
      {sites.map((site) => (
        <p key={site.id} className="lead">
          {t("coordinator.site", { name: `${site.name} (${site.city})` })}
        </p>
      ))}
      {sessions.length === 0 ? (
        <p>{t("coordinator.empty")}</p>
      ) : (
        <ul className="card-list">
          {sessions.map((session) => (
            <li key={session.id} className="card">
              <h2 className="card-title">{localized(locale, session.courseVersion.title, session.courseVersion.titleEn)}</h2>
              <p className="badge">{t(`enums.sessionStatus.${session.status}`)}</p>
              <p>{t("coordinator.seats", { taken: session._count.registrations, capacity: session.capacity })}</p>
              <ul>
                {session.slots.map((slot) => (
                  <li key={slot.startsAt.toISOString()}>
                    {formatDate(locale, slot.startsAt, { withTime: true })} — {slot.room.name}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
