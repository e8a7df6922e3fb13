import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listPendingApprovals } from "@/lib/sessions/list-pending-approvals";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { decideRegistrationAction, setApprovalAbsenceAction } from "../session.action";

export const generateMetadata = pageTitle("pageTitles.sessionsApprovals");

export default async function ApprovalsPage() {
  const actor = await requirePagePermission("enrolment.approve");
  const [{ locale, t }, pending] = await Promise.all([getTranslator(), listPendingApprovals(actor)]);
  return (
    <>
      <h1>{t("sessions.approvals.title")}</h1>
      <ActionAnnouncer id="approvals-announcer" />
      {pending.length === 0 && <p>{t("sessions.approvals.empty")}</p>}
      <ul className="card-list">
        {pending.map((registration) => {
          const title = localized(
            locale,
            registration.session.courseVersion.title,
            registration.session.courseVersion.titleEn,
          );
          return (
            <li key={registration.id} className="card">
              <h2 className="card-title">{registration.user.name}</h2>
              <p className="badge">
                {registration.step === "OFFICER"
                  ? t("sessions.approvals.stepOfficer")
                  : t("sessions.approvals.stepManager")}
              </p>
              {registration.isAsDeputy && <p>{t("sessions.approvals.asDeputy")}</p>}
              <p>
                <Link href={`/sessions/${registration.session.id}`}>{title}</Link> — {registration.session.site.name}
                {registration.session.slots[0] && `, ${formatDate(locale, registration.session.slots[0].startsAt)}`}
              </p>
              <ActionForm
                id={`decide-${registration.id}`}
                isAnnounced
                action={decideRegistrationAction}
                hidden={{ registrationId: registration.id, step: registration.step }}
                submitLabel={t("sessions.approvals.submit", { name: registration.user.name })}
                doneMessage={t("sessions.approvals.done")}
                confirmation={{
                  title: t("sessions.approvals.refuseConfirmTitle", { name: registration.user.name }),
                  message: t("sessions.approvals.refuseConfirmMessage", { name: registration.user.name }),
                  confirmLabel: t("sessions.approvals.refuseConfirm"),
                  cancelLabel: t("forms.cancel"),
                  when: { name: "decision", value: "REFUSE" },
                }}
              >
                <fieldset>
                  <legend>{t("sessions.approvals.decision")}</legend>
                  <label>
                    <input type="radio" name="decision" value="APPROVE" defaultChecked />{" "}
                    {t("sessions.approvals.approve")}
                  </label>
                  <label>
                    <input type="radio" name="decision" value="REFUSE" /> {t("sessions.approvals.refuse")}
                  </label>
                </fieldset>
                <label htmlFor={`comment-${registration.id}`}>{t("sessions.approvals.comment")}</label>
                <textarea id={`comment-${registration.id}`} name="comment" />
              </ActionForm>
            </li>
          );
        })}
      </ul>
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
    </>
  );
}
