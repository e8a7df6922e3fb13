import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCalendarSlots, calendarRange, ZCalendarQuery } from "@/lib/sessions/list-calendar-slots";
import { calendarToken } from "@/lib/sessions/calendar-token";
import { getTranslator } from "@/lib/i18n/server";
import { SlotCalendar } from "@/components/sessions/slot-calendar";
import { buildCalendarDays } from "@/components/sessions/build-calendar-days";
import "@/components/sessions/sessions.css";

export const metadata: Metadata = { title: "Mon agenda" };

/** The actor's teaching calendar (trainers), with their personal iCal feed URL. */
export default async function MyCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const { locale, t } = await getTranslator();
  const query = ZCalendarQuery.safeParse(await searchParams);
  const { view, from } = query.success ? query.data : { view: "week" as const, from: undefined };
  const range = calendarRange(view, from);
  const slots = await listCalendarSlots(actor, { trainerId: actor.userId, start: range.start, end: range.end });
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return (
    <>
      <h1>{t("sessions.calendar.myTitle")}</h1>
      <p>
        <Link href={`/sessions/calendar?view=${view}&from=${range.previous}`}>{t("sessions.calendar.previous")}</Link> · <Link href="/sessions/calendar?view=week">{t("sessions.calendar.week")}</Link> ·{" "}
        <Link href="/sessions/calendar?view=month">{t("sessions.calendar.month")}</Link> · <Link href={`/sessions/calendar?view=${view}&from=${range.next}`}>{t("sessions.calendar.next")}</Link>
      </p>
      <SlotCalendar
        caption={t("sessions.calendar.myCaption", { from: range.start.toISOString().slice(0, 10) })}
        days={buildCalendarDays({ slots, start: range.start, end: range.end, locale, timeZone: "Europe/Paris", showSite: true })}
        labels={{ day: t("sessions.calendar.day"), morning: t("sessions.halfDay.MORNING"), afternoon: t("sessions.halfDay.AFTERNOON"), cancelled: t("enums.sessionStatus.CANCELLED"), free: t("sessions.calendar.free") }}
      />
      <h2>{t("sessions.calendar.subscribe")}</h2>
      <p>{t("sessions.calendar.subscribeHelp")}</p>
      <p>
        <code>{`${base}/api/calendar/users/${calendarToken(actor.userId)}.ics`}</code>
      </p>
    </>
  );
}
