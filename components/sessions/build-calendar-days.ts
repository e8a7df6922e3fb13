import type { TCalendarDay } from "./slot-calendar";

type TSlot = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  halfDay: "MORNING" | "AFTERNOON";
  room: { name: string };
  session: {
    id: string;
    status: string;
    courseVersion: { title: string; titleEn: string | null };
    site: { name: string };
  };
};

/** Groups slots by local day and half-day for the calendar table. */
export function buildCalendarDays(options: {
  slots: TSlot[];
  start: Date;
  end: Date;
  locale: "fr" | "en";
  timeZone: string;
  showSite: boolean;
}): TCalendarDay[] {
  const intl = options.locale === "fr" ? "fr-FR" : "en-GB";
  const dayKey = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: options.timeZone }).format(date);
  const time = (date: Date) =>
    new Intl.DateTimeFormat(intl, { timeStyle: "short", timeZone: options.timeZone }).format(date);
  const days: TCalendarDay[] = [];
  for (let cursor = options.start.getTime(); cursor < options.end.getTime(); cursor += 86_400_000) {
    const date = new Date(cursor + 12 * 3600_000);
    days.push({
      key: dayKey(date),
      label: new Intl.DateTimeFormat(intl, {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: options.timeZone,
      }).format(date),
      morning: [],
      afternoon: [],
    });
  }
  for (const slot of options.slots) {
    const day = days.find((candidate) => candidate.key === dayKey(slot.startsAt));
    if (!day) continue;
    const title =
      options.locale === "en" && slot.session.courseVersion.titleEn
        ? slot.session.courseVersion.titleEn
        : slot.session.courseVersion.title;
    const item = {
      id: slot.id,
      href: `/sessions/${slot.session.id}`,
      title,
      isCancelled: slot.session.status === "CANCELLED",
      detail: `${time(slot.startsAt)}–${time(slot.endsAt)}, ${slot.room.name}${options.showSite ? `, ${slot.session.site.name}` : ""}`,
    };
    (slot.halfDay === "MORNING" ? day.morning : day.afternoon).push(item);
  }
  return days;
}
