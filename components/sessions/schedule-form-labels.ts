import type { TTranslate } from "@/lib/i18n/translate";

/** The schedule form's labels, shared by scheduling (coordinator home) and moving a session (its page). */
export function scheduleFormLabels(t: TTranslate, action: { submit: string; done: string }) {
  return {
    site: t("sessions.schedule.site"),
    course: t("sessions.schedule.course"),
    capacity: t("sessions.schedule.capacity"),
    deadline: t("sessions.schedule.deadline"),
    slot: t("sessions.schedule.slot"),
    date: t("sessions.schedule.date"),
    halfDay: t("sessions.schedule.halfDay"),
    morning: t("sessions.halfDay.MORNING"),
    afternoon: t("sessions.halfDay.AFTERNOON"),
    room: t("sessions.schedule.room"),
    trainer: t("sessions.schedule.trainer"),
    optional: t("sessions.schedule.optional"),
    busy: t("forms.busy"),
    ...action,
  };
}
