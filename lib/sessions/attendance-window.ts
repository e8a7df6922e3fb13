import "server-only";
import { env } from "../env";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type TAttendanceWindow = { opensAt: Date; checkInClosesAt: Date; rollCallClosesAt: Date };

/**
 * When a half-day's attendance may be recorded: from a grace before it starts
 * (RELAIS_ATTENDANCE_GRACE_MINUTES, people arrive early); agents check in until it ends; the
 * trainer's or coordinator's roll call, and its corrections, until RELAIS_ATTENDANCE_CLOSING_DAYS
 * after it ends. Nothing is accepted for a half-day further in the future.
 */
export function attendanceWindow(slot: { startsAt: Date; endsAt: Date }): TAttendanceWindow {
  const { RELAIS_ATTENDANCE_GRACE_MINUTES: grace, RELAIS_ATTENDANCE_CLOSING_DAYS: closing } = env();
  return {
    opensAt: new Date(slot.startsAt.getTime() - grace * MINUTE),
    checkInClosesAt: slot.endsAt,
    rollCallClosesAt: new Date(slot.endsAt.getTime() + closing * DAY),
  };
}

/** "2026-12-01 08:30" in the site's time zone: readable in French and English alike, for refusal messages. */
export function formatWindowDate(date: Date, timeZone = "Europe/Paris"): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone }).format(date);
}
