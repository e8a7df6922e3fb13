import type { TTranslate } from "@/lib/i18n/translate";
import type { TLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { listApprovalInbox } from "@/lib/approvals/list-approval-inbox";
import { DecideEnrolmentForm } from "@/components/catalogue/decide-enrolment-form";

type TProps = {
  t: TTranslate;
  locale: TLocale;
  requests: Awaited<ReturnType<typeof listApprovalInbox>>["enrolments"];
};

/** Enrolment requests in courses that require approval, each with its approve / refuse buttons. */
export function EnrolmentRequests({ t, locale, requests }: TProps) {
  if (requests.length === 0) return <p>{t("learning.approvals.empty")}</p>;
  return (
    <ul className="card-list">
      {requests.map((request) => {
        const title = localized(locale, request.courseVersion.title, request.courseVersion.titleEn);
        return (
          <li key={request.id} className="card">
            <h3 className="card-title">{title}</h3>
            <p>
              {t("learning.approvals.requestedOn", {
                date: formatDate(locale, request.enrolledAt),
                name: request.user.name,
              })}
            </p>
            <DecideEnrolmentForm
              enrolmentId={request.id}
              labels={{
                approve: t("learning.approvals.approve"),
                refuse: t("learning.approvals.refuse"),
                approveFor: t("learning.approvals.approveFor", { name: request.user.name, title }),
                refuseFor: t("learning.approvals.refuseFor", { name: request.user.name, title }),
                decided: t("learning.approvals.decided"),
                reason: t("learning.approvals.reason"),
              }}
              refusalConfirmation={{
                title: t("learning.approvals.refuseConfirmTitle", { name: request.user.name }),
                message: t("learning.approvals.refuseConfirmMessage", { name: request.user.name }),
                confirmLabel: t("learning.approvals.refuseConfirm"),
                cancelLabel: t("forms.cancel"),
              }}
            />
          </li>
        );
      })}
    </ul>
  );
}
