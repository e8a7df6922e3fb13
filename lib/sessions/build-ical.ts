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

/** An iCalendar (RFC 5545) file of half-day slots: one event per slot, stable UIDs so updates replace events. */
export function buildIcal(options: { name: string; slots: TIcalSlot[]; timeZone?: string }): string {
  const calendar = ical({ name: options.name, prodId: { company: "Relais", product: "sessions", language: "FR" }, timezone: options.timeZone ?? "Europe/Paris" });
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
