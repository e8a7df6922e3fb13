import type { TTranslate } from "@/lib/i18n/translate";
import { ActionForm } from "@/components/sessions/action-form";
import { setApprovalAbsenceAction } from "@/app/sessions/session.action";

/** A manager's absence: until the date, the named deputy sees and decides the team's requests. */
export function AbsenceForm({ t }: { t: TTranslate }) {
  return (
    <section aria-labelledby="absence-title">
      <h2 id="absence-title">{t("sessions.absence.title")}</h2>
      <p>{t("sessions.absence.intro")}</p>
      <ActionForm
        id="absence"
        action={setApprovalAbsenceAction}
        submitLabel={t("sessions.absence.submit")}
        doneMessage={t("sessions.absence.done")}
      >
        <label htmlFor="absence-until">{t("sessions.absence.until")}</label>
        <input id="absence-until" name="absentUntil" type="date" />
        <label htmlFor="absence-deputy">{t("sessions.absence.deputyEmail")}</label>
        <input id="absence-deputy" name="deputyEmail" type="email" autoComplete="off" maxLength={320} />
      </ActionForm>
    </section>
  );
}
