import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { isAppError } from "@/lib/errors/app-error";
import { listReports } from "@/lib/networks/list-reports";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { dismissReportAction, moderatePostAction, moveThreadAction } from "../../networks.action";
import "@/components/networks/networks.css";

export const metadata: Metadata = { title: "Modération" };

export default async function ModerationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requirePagePermission("network.participate");
  const { locale, t } = await getTranslator();
  const view = await listReports(actor, { slug }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const { network } = view;
  return (
    <>
      <p>
        <Link href={`/networks/${network.slug}`}>{t("networks.thread.back", { name: network.name })}</Link>
      </p>
      <h1>{t("networks.moderation.title", { name: network.name })}</h1>
      <ActionAnnouncer id="moderation-announcer" />
      {view.reports.length === 0 ? (
        <p>{t("networks.moderation.empty")}</p>
      ) : (
        <ul className="card-list">
          {view.reports.map((report) => (
            <li key={report.id} className="card">
              <h2 className="card-title">
                <Link
                  href={`/networks/${network.slug}/threads/${report.post.thread.id}?post=${report.post.position}#post-${report.post.position}`}
                >
                  {t("networks.moderation.inThread", {
                    title: report.post.thread.title,
                    position: report.post.position,
                  })}
                </Link>
              </h2>
              <p>
                {t("networks.moderation.reportedOn", {
                  date: formatDate(locale, report.createdAt, { withTime: true }),
                  reason: t(`networks.reason.${report.reason}`),
                })}
              </p>
              {report.comment && <p>{report.comment}</p>}
              <blockquote>{report.excerpt}</blockquote>
              <div className="network-actions">
                {!report.post.isHidden && (
                  <ActionForm
                    id={`hide-report-${report.id}`}
                    isAnnounced
                    action={moderatePostAction}
                    hidden={{ postId: report.post.id, action: "hide" }}
                    submitLabel={t("networks.moderation.hide")}
                    doneMessage={t("networks.thread.hiddenDone")}
                  />
                )}
                <ActionForm
                  id={`dismiss-${report.id}`}
                  isAnnounced
                  isSecondary
                  action={dismissReportAction}
                  hidden={{ reportId: report.id }}
                  submitLabel={t("networks.moderation.dismiss")}
                  doneMessage={t("networks.moderation.dismissed")}
                />
                {view.moveTargets.length > 0 && (
                  <ActionForm
                    id={`move-${report.id}`}
                    isAnnounced
                    isSecondary
                    action={moveThreadAction}
                    hidden={{ threadId: report.post.thread.id }}
                    submitLabel={t("networks.moderation.moveSubmit")}
                    doneMessage={t("networks.moderation.moved")}
                  >
                    <label htmlFor={`move-${report.id}-to`}>{t("networks.moderation.move")}</label>
                    <select id={`move-${report.id}-to`} name="toNetworkId">
                      {view.moveTargets.map((target) => (
                        <option key={target.id} value={target.id}>
                          {target.name}
                        </option>
                      ))}
                    </select>
                  </ActionForm>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
