import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getSite } from "@/lib/sites/get-site";
import { listCalendarSlots, calendarRange, ZCalendarQuery } from "@/lib/sessions/list-calendar-slots";
import { getTranslator } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors/app-error";
import { SlotCalendar } from "@/components/sessions/slot-calendar";
import { buildCalendarDays } from "@/components/sessions/build-calendar-days";
import { SiteManagement } from "@/components/sessions/site-management";
import { ROOM_FEATURES } from "@/lib/sites/save-room";
import type { TMessageKey } from "@/lib/i18n/translate";
import { updateSiteAction, saveRoomAction, deleteRoomAction, deleteSiteAction } from "../site.action";
import "@/components/sessions/sessions.css";
import { PageBreadcrumb } from "@/components/layout/page-breadcrumb";

export const generateMetadata = pageTitle("pageTitles.sitesId");

export default async function SitePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const actor = await requirePageActor();
  const { locale, t } = await getTranslator();
  const { site, canManage } = await getSite(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const query = ZCalendarQuery.safeParse(await searchParams);
  const { view, from } = query.success ? query.data : { view: "week" as const, from: undefined };
  const range = calendarRange(view, from);
  const { slots, timeZone } = await listCalendarSlots(actor, { siteId: site.id, start: range.start, end: range.end });
  const days = buildCalendarDays({ slots, start: range.start, end: range.end, locale, timeZone, showSite: false });
  return (
    <>
      <PageBreadcrumb segments={[{ label: t("nav.sites"), href: "/sites" }]} current={site.name} />
      <h1>{site.name}</h1>
      <dl>
        <dt>{t("sessions.site.address")}</dt>
        <dd>
          {site.address}, {site.postalCode} {site.city} ({locale === "en" ? site.region.nameEn : site.region.nameFr})
        </dd>
        <dt>{t("sessions.site.hours")}</dt>
        <dd>{site.openingHours || "—"}</dd>
        <dt>{t("sessions.site.accessibility")}</dt>
        <dd>{site.accessibility || "—"}</dd>
        <dt>{t("sessions.site.contact")}</dt>
        <dd>{[site.contactEmail, site.contactPhone].filter(Boolean).join(" · ") || "—"}</dd>
      </dl>
      <div className="table-scroll">
        <table className="table">
          <caption>{t("sessions.site.rooms")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sessions.site.room")}</th>
              <th scope="col">{t("sessions.site.capacity")}</th>
              <th scope="col">{t("sessions.site.features")}</th>
            </tr>
          </thead>
          <tbody>
            {site.rooms.map((room) => (
              <tr key={room.id}>
                <td>{room.name}</td>
                <td>{room.capacity}</td>
                <td>
                  {room.accessibilityFeatures
                    .map((feature) => t(`sessions.site.feature.${feature}` as TMessageKey))
                    .join(", ") || "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && (
        <SiteManagement
          site={site}
          features={ROOM_FEATURES}
          actions={{
            updateSite: updateSiteAction,
            saveRoom: saveRoomAction,
            deleteRoom: deleteRoomAction,
            deleteSite: deleteSiteAction,
          }}
          featureLabel={(feature) => t(`sessions.site.feature.${feature}` as TMessageKey)}
          labels={{
            title: t("sessions.manage.title"),
            name: t("sessions.manage.name"),
            address: t("sessions.site.address"),
            postalCode: t("sessions.manage.postalCode"),
            city: t("sessions.manage.city"),
            latitude: t("sessions.manage.latitude"),
            longitude: t("sessions.manage.longitude"),
            accessibility: t("sessions.site.accessibility"),
            hours: t("sessions.site.hours"),
            email: t("sessions.manage.email"),
            phone: t("sessions.manage.phone"),
            save: t("sessions.manage.save"),
            saved: t("sessions.manage.saved"),
            addRoom: t("sessions.manage.addRoom"),
            roomName: t("sessions.manage.roomName"),
            capacity: t("sessions.site.capacity"),
            features: t("sessions.site.features"),
            add: t("sessions.manage.add"),
            added: t("sessions.manage.added"),
            deleteRoom: t("sessions.manage.deleteRoom"),
            deleted: t("sessions.manage.deleted"),
            deleteSite: t("sessions.manage.deleteSite", { name: site.name }),
            deleteSiteHint: t("sessions.manage.deleteSiteHint"),
          }}
        />
      )}
      <h2>{t("sessions.calendar.title")}</h2>
      <p>
        <Link href={`/sites/${site.id}?view=week&from=${range.previous}`}>{t("sessions.calendar.previous")}</Link> ·{" "}
        <Link href={`/sites/${site.id}?view=week`}>{t("sessions.calendar.week")}</Link> ·{" "}
        <Link href={`/sites/${site.id}?view=month`}>{t("sessions.calendar.month")}</Link> ·{" "}
        <Link href={`/sites/${site.id}?view=${view}&from=${range.next}`}>{t("sessions.calendar.next")}</Link> ·{" "}
        <a href={`/api/calendar/sites/${site.id}`}>{t("sessions.calendar.feed")}</a>
      </p>
      <p>{t("sessions.calendar.timeZone", { zone: timeZone })}</p>
      <SlotCalendar
        caption={t("sessions.calendar.caption", { name: site.name, from: range.start.toISOString().slice(0, 10) })}
        days={days}
        labels={{
          day: t("sessions.calendar.day"),
          morning: t("sessions.halfDay.MORNING"),
          afternoon: t("sessions.halfDay.AFTERNOON"),
          cancelled: t("enums.sessionStatus.CANCELLED"),
          free: t("sessions.calendar.free"),
        }}
      />
    </>
  );
}
