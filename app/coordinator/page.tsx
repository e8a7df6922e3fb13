import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listSiteSessions } from "@/lib/sessions/list-site-sessions";
import { getSchedulingOptions } from "@/lib/sessions/get-scheduling-options";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { scheduleFormLabels } from "@/components/sessions/schedule-form-labels";
import { ScheduleSessionForm } from "@/components/sessions/schedule-session-form";
import { scheduleSessionAction } from "./coordinator.action";
import "@/components/sessions/sessions.css";
import { listWaitingItems } from "@/lib/home/list-waiting-items";
import { WaitingForYou } from "@/components/home/waiting-for-you";

export const generateMetadata = pageTitle("pageTitles.coordinator");

export default async function CoordinatorPage() {
  const actor = await requirePagePermission("session.schedule");
  const [{ locale, t }, { sites, sessions }, options] = await Promise.all([
    getTranslator(),
    listSiteSessions(actor),
    getSchedulingOptions(actor),
  ]);
  return (
    <>
      <h1>{t("coordinator.title")}</h1>
      <WaitingForYou t={t} items={await listWaitingItems(actor)} />
      {sites.length === 0 && <p>{t("coordinator.noSite")}</p>}
      <ul>
        {sites.map((site) => (
          <li key={site.id} className="lead">
            <Link href={`/sites/${site.id}`}>{t("coordinator.site", { name: `${site.name} (${site.city})` })}</Link>
          </li>
        ))}
      </ul>
      <h2>{t("sessions.coordinator.listTitle")}</h2>
      {sessions.length === 0 ? (
        <p>{t("coordinator.empty")}</p>
      ) : (
        <ul className="card-list">
          {sessions.map((session) => (
            <li key={session.id} className="card">
              <h3 className="card-title">
                <Link href={`/sessions/${session.id}`}>
                  {localized(locale, session.courseVersion.title, session.courseVersion.titleEn)}
                </Link>
              </h3>
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
      {options.sites.length > 0 && (
        <section aria-labelledby="schedule-title">
          <h2 id="schedule-title">{t("sessions.schedule.title")}</h2>
          <ScheduleSessionForm
            action={scheduleSessionAction}
            sites={options.sites}
            versions={options.versions.map((version) => ({
              id: version.id,
              title: localized(locale, version.title, version.titleEn),
            }))}
            trainers={options.trainers}
            labels={scheduleFormLabels(t, { submit: t("sessions.schedule.submit"), done: t("sessions.schedule.done") })}
          />
        </section>
      )}
    </>
  );
}
