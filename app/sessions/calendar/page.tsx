import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCalendarSlots, calendarRange, ZCalendarQuery } from "@/lib/sessions/list-calendar-slots";
import { calendarToken } from "@/lib/sessions/calendar-token";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { SlotCalendar } from "@/components/sessions/slot-calendar";
import { buildCalendarDays } from "@/components/sessions/build-calendar-days";
import "@/components/sessions/sessions.css";
import { publicUrl } from "@/lib/env";

export const generateMetadata = pageTitle("pageTitles.sessionsCalendar");

const ZTrainerQuery = z.object({ trainer: z.string().min(1).max(100).optional() });

/** A trainer's teaching calendar: the actor's own (with their iCal feed URL), or, for coordinators, a trainer's half-days at their site (?trainer=). */
export default async function TrainerCalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const { locale, t } = await getTranslator();
  const params = await searchParams;
  const query = ZCalendarQuery.safeParse(params);
  const { view, from } = query.success ? query.data : { view: "week" as const, from: undefined };
  const trainerId = ZTrainerQuery.safeParse(params).data?.trainer ?? actor.userId;
  const isMine = trainerId === actor.userId;
  const range = calendarRange(view, from);
  const { slots, timeZone, trainerName } = await listCalendarSlots(actor, {
    trainerId,
    start: range.start,
    end: range.end,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const name = trainerName ?? actor.name;
  const link = (nextView: string, nextFrom?: string) =>
    `/sessions/calendar?view=${nextView}${nextFrom ? `&from=${nextFrom}` : ""}${isMine ? "" : `&trainer=${encodeURIComponent(trainerId)}`}`;
  const base = publicUrl();
  return (
    <>
      <h1>{isMine ? t("sessions.calendar.myTitle") : t("sessions.calendar.trainerTitle", { name })}</h1>
      <p>
        <Link href={link(view, range.previous)}>{t("sessions.calendar.previous")}</Link> ·{" "}
        <Link href={link("week")}>{t("sessions.calendar.week")}</Link> ·{" "}
        <Link href={link("month")}>{t("sessions.calendar.month")}</Link> ·{" "}
        <Link href={link(view, range.next)}>{t("sessions.calendar.next")}</Link>
      </p>
      <p>{t("sessions.calendar.timeZone", { zone: timeZone })}</p>
      <SlotCalendar
        caption={
          isMine
            ? t("sessions.calendar.myCaption", { from: range.start.toISOString().slice(0, 10) })
            : t("sessions.calendar.trainerCaption", { name, from: range.start.toISOString().slice(0, 10) })
        }
        days={buildCalendarDays({ slots, start: range.start, end: range.end, locale, timeZone, showSite: true })}
        labels={{
          day: t("sessions.calendar.day"),
          morning: t("sessions.halfDay.MORNING"),
          afternoon: t("sessions.halfDay.AFTERNOON"),
          cancelled: t("enums.sessionStatus.CANCELLED"),
          free: t("sessions.calendar.free"),
        }}
      />
      {isMine && (
        <>
          <h2>{t("sessions.calendar.subscribe")}</h2>
          <p>{t("sessions.calendar.subscribeHelp")}</p>
          <p>
            <code>{`${base}/api/calendar/users/${calendarToken(actor.userId)}.ics`}</code>
          </p>
        </>
      )}
    </>
  );
}
