import type { HalfDay } from "../db/generated/enums";

/** Default hours of a half-day in the site's local time (a morning and an afternoon of 3.5 h). */
export const HALF_DAY_HOURS: Record<HalfDay, { start: string; end: string }> = {
  MORNING: { start: "09:00", end: "12:30" },
  AFTERNOON: { start: "13:30", end: "17:00" },
};

/** Offset in minutes of a time zone at an instant (e.g. +60 for Paris in winter). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant of a local wall-clock time (YYYY-MM-DD, HH:MM) in a time zone, daylight saving included. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(naive.getTime())) throw new RangeError(`Invalid date or time: ${date} ${time}`);
  // Two passes: the offset at the naive instant may differ from the offset at the real one near a change.
  const first = new Date(naive.getTime() - offsetMinutes(naive, timeZone) * 60_000);
  return new Date(naive.getTime() - offsetMinutes(first, timeZone) * 60_000);
}

/** Start and end of a half-day slot on a local date. */
export function halfDayBounds(options: { date: string; halfDay: HalfDay; timeZone: string }): {
  startsAt: Date;
  endsAt: Date;
} {
  const hours = HALF_DAY_HOURS[options.halfDay];
  return {
    startsAt: zonedTimeToUtc(options.date, hours.start, options.timeZone),
    endsAt: zonedTimeToUtc(options.date, hours.end, options.timeZone),
  };
}
