import ical, { ICalEventStatus } from "ical-generator";

export type TIcalSlot = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  location: string;
  room: string;
  isCancelled: boolean;
  url?: string;
};

/**
 * An iCalendar (RFC 5545) file of half-day slots: one event per slot, stable UIDs so updates
 * replace events. Times are written in UTC ("…Z"): ical-generator writes a native Date's UTC
 * wall-clock without conversion when a calendar time zone is set, which would shift every event
 * by the zone's offset. The site's time zone is given as X-WR-TIMEZONE, the zone calendar apps
 * display the feed in.
 */
export function buildIcal(options: { name: string; slots: TIcalSlot[]; timeZone: string }): string {
  const calendar = ical({ name: options.name, prodId: { company: "Relais", product: "sessions", language: "FR" } });
  calendar.x([{ key: "X-WR-TIMEZONE", value: options.timeZone }]);
  for (const slot of options.slots) {
    calendar.createEvent({
      id: `${slot.id}@relais`,
      start: slot.startsAt,
      end: slot.endsAt,
      summary: slot.isCancelled ? `[Annulé] ${slot.title}` : slot.title,
      location: `${slot.location} — ${slot.room}`,
      status: slot.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: slot.url,
    });
  }
  return calendar.toString();
}
