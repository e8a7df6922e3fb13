import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listApprovalInbox } from "@/lib/approvals/list-approval-inbox";
import { getTranslator } from "@/lib/i18n/server";
import { ActionAnnouncer } from "@/components/sessions/action-form";
import { EnrolmentRequests } from "@/components/approvals/enrolment-requests";
import { RegistrationRequests } from "@/components/approvals/registration-requests";
import { AbsenceForm } from "@/components/approvals/absence-form";
import "@/components/catalogue/learning.css";

export const generateMetadata = pageTitle("pageTitles.approvals");

/** The approvals inbox: every request waiting for the actor's decision, courses and sessions alike. */
export default async function ApprovalsInboxPage() {
  const actor = await requirePagePermission("enrolment.approve");
  const [{ locale, t }, inbox] = await Promise.all([getTranslator(), listApprovalInbox(actor)]);
  return (
    <>
      <h1>{t("approvals.title")}</h1>
      <p className="fr-text--lead">{t("approvals.summary", { count: inbox.total })}</p>
      <ActionAnnouncer id="approvals-announcer" />
      <section aria-labelledby="enrolment-requests">
        <h2 id="enrolment-requests">{t("approvals.enrolments", { amount: inbox.enrolments.length })}</h2>
        <EnrolmentRequests t={t} locale={locale} requests={inbox.enrolments} />
      </section>
      <section aria-labelledby="registration-requests">
        <h2 id="registration-requests">{t("approvals.registrations", { amount: inbox.registrations.length })}</h2>
        <RegistrationRequests t={t} locale={locale} registrations={inbox.registrations} />
      </section>
      {inbox.canDeclareAbsence && <AbsenceForm t={t} />}
    </>
  );
}
