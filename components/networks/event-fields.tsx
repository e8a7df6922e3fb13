import type { TTranslate } from "@/lib/i18n/translate";

type TProps = {
  /** Prefix of the fields' ids (one form per meeting on the page). */
  id: string;
  t: TTranslate;
  values?: { title: string; description: string; startsAt: string; endsAt: string; meetingUrl: string };
};

/** A meeting's fields: the same when a moderator schedules one and when it is changed. */
export function EventFields({ id, t, values }: TProps) {
  return (
    <>
      <label htmlFor={`${id}-title`}>{t("networks.page.eventTitle")}</label>
      <input id={`${id}-title`} name="title" required maxLength={200} defaultValue={values?.title} />
      <label htmlFor={`${id}-description`}>{t("networks.page.eventDescription")}</label>
      <textarea
        id={`${id}-description`}
        name="description"
        rows={2}
        maxLength={2000}
        defaultValue={values?.description}
      />
      <label htmlFor={`${id}-starts`}>{t("networks.page.eventStarts")}</label>
      <input id={`${id}-starts`} name="startsAt" type="datetime-local" required defaultValue={values?.startsAt} />
      <label htmlFor={`${id}-ends`}>{t("networks.page.eventEnds")}</label>
      <input id={`${id}-ends`} name="endsAt" type="datetime-local" required defaultValue={values?.endsAt} />
      <label htmlFor={`${id}-url`}>{t("networks.page.eventUrl")}</label>
      <input
        id={`${id}-url`}
        name="meetingUrl"
        type="url"
        required
        maxLength={2048}
        defaultValue={values?.meetingUrl}
      />
    </>
  );
}
