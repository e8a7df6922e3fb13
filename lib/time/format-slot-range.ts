import { DEFAULT_TIME_ZONE } from "./time-zone";

const INTL_LOCALE = { fr: "fr-FR", en: "en-GB" } as const;

type TFormatOptions = {
  /** The zone the reader sees the dates in (timeZoneOf); Paris when the holder has no institution. */
  timeZone?: string;
  locale?: keyof typeof INTL_LOCALE;
  dateStyle?: "short" | "full";
};

/** A half-day as "03/03/2031 09:00–12:30" in a time zone: compact, for refusals and lists. */
export function formatSlotRange(
  slot: { startsAt: Date; endsAt: Date },
  { timeZone = DEFAULT_TIME_ZONE, locale = "fr", dateStyle = "short" }: TFormatOptions = {},
): string {
  return `${formatInstant(slot.startsAt, { timeZone, locale, dateStyle })}–${timeOf(slot.endsAt, { timeZone, locale })}`;
}

/** One instant as "03/03/2031 09:00" in a time zone (a waitlist offer's expiry, for instance). */
export function formatInstant(
  at: Date,
  { timeZone = DEFAULT_TIME_ZONE, locale = "fr", dateStyle = "short" }: TFormatOptions = {},
): string {
  const day = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle, timeZone }).format(at);
  return `${day} ${timeOf(at, { timeZone, locale })}`;
}

function timeOf(at: Date, options: { timeZone: string; locale: keyof typeof INTL_LOCALE }): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[options.locale], {
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(at);
}

/**
 * Notification parameters of a half-day: the French text, plus the instants and the zone so that
 * each recipient's notification and e-mail spell the date in their own language.
 */
export function slotDateParams(slot: { startsAt: Date; endsAt: Date } | undefined, timeZone = DEFAULT_TIME_ZONE) {
  if (!slot) return { date: "" };
  return {
    date: formatSlotRange(slot, { timeZone }),
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    timeZone,
  };
}
