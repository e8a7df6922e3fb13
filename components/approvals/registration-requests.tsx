import Link from "next/link";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { listApprovalInbox } from "@/lib/approvals/list-approval-inbox";
import { ActionForm } from "@/components/sessions/action-form";
import { decideRegistrationAction } from "@/app/sessions/session.action";

type TProps = {
  t: TTranslate;
  locale: TLocale;
  registrations: Awaited<ReturnType<typeof listApprovalInbox>>["registrations"];
};

/** Registrations for in-person sessions at the step they wait at, each with its decision form. */
export function RegistrationRequests({ t, locale, registrations }: TProps) {
  if (registrations.length === 0) return <p>{t("sessions.approvals.empty")}</p>;
  return (
    <ul className="card-list">
      {registrations.map((registration) => {
        const { session } = registration;
        const title = localized(locale, session.courseVersion.title, session.courseVersion.titleEn);
        return (
          <li key={registration.id} className="card">
            <h3 className="card-title">{registration.user.name}</h3>
            <p className="badge">
              {registration.step === "OFFICER"
                ? t("sessions.approvals.stepOfficer")
                : t("sessions.approvals.stepManager")}
            </p>
            {registration.isAsDeputy && <p>{t("sessions.approvals.asDeputy")}</p>}
            <p>
              <Link href={`/sessions/${session.id}`}>{title}</Link> — {session.site.name}
              {session.slots[0] && `, ${formatDate(locale, session.slots[0].startsAt)}`}
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
  );
}
