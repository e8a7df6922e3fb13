import { DEFAULT_TIME_ZONE } from "./time-zone";

const INTL_LOCALE = { fr: "fr-FR", en: "en-GB" } as const;

/** A half-day as "03/03/2031 09:00–12:30" in a time zone: compact, for refusals and lists. */
export function formatSlotRange(
  startsAt: Date,
  endsAt: Date,
  timeZone = DEFAULT_TIME_ZONE,
  locale: keyof typeof INTL_LOCALE = "fr",
  dateStyle: "short" | "full" = "short",
): string {
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle, timeZone }).format(startsAt);
  const time = (date: Date) =>
    new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: "short", timeZone }).format(date);
  return `${day} ${time(startsAt)}–${time(endsAt)}`;
}

/**
 * Notification parameters of a half-day: the French text, plus the instants and the zone so that
 * each recipient's notification and e-mail spell the date in their own language.
 */
export function slotDateParams(slot: { startsAt: Date; endsAt: Date } | undefined, timeZone = DEFAULT_TIME_ZONE) {
  if (!slot) return { date: "" };
  return {
    date: formatSlotRange(slot.startsAt, slot.endsAt, timeZone),
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    timeZone,
  };
}
