import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listPendingApprovals } from "@/lib/learning/list-pending-approvals";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { DecideEnrolmentForm } from "@/components/catalogue/decide-enrolment-form";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.learnApprovals");

export default async function ApprovalsPage() {
  const actor = await requirePagePermission("enrolment.approve");
  const [{ locale, t }, requests] = await Promise.all([getTranslator(), listPendingApprovals(actor)]);
  return (
    <>
      <h1>{t("learning.approvals.title")}</h1>
      {requests.length === 0 ? (
        <p>{t("learning.approvals.empty")}</p>
      ) : (
        <ul className="card-list">
          {requests.map((request) => {
            const title = localized(locale, request.courseVersion.title, request.courseVersion.titleEn);
            return (
              <li key={request.id} className="card">
                <h2 className="card-title">{title}</h2>
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
      )}
    </>
  );
}
