import { createTranslator, type TMessageKey } from "../i18n/translate";
import { isLocale, type TLocale } from "../i18n/config";
import type { TNotificationKind, TNotificationParams } from "./notification-kinds";
import { formatSlotRange } from "../time/format-slot-range";

/** Title and body of a notification in a language (used for the in-app list and the e-mail). */
export function renderNotification(
  locale: string,
  kind: TNotificationKind,
  params: TNotificationParams,
): { title: string; body: string } {
  const language: TLocale = isLocale(locale) ? locale : "fr";
  const t = createTranslator(language);
  const values: Record<string, string> = {
    course: "",
    site: "",
    date: "",
    comment: "",
    expires: "",
    agent: "",
    network: "",
    thread: "",
    handle: "",
    count: "",
    summary: "",
    institution: "",
    ...params,
  };
  if (params.startsAt && params.endsAt)
    values.date = formatSlotRange(
      { startsAt: new Date(params.startsAt), endsAt: new Date(params.endsAt) },
      { timeZone: params.timeZone, locale: language, dateStyle: "full" },
    );
  return {
    title: t(`notifications.kinds.${kind}.title` as TMessageKey, values),
    body: t(`notifications.kinds.${kind}.body` as TMessageKey, values),
  };
}
