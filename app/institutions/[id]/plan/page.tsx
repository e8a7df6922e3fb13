import { pageTitle } from "@/lib/i18n/page-title";
import { z } from "zod";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTrainingPlan } from "@/lib/needs/get-training-plan";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import "@/components/needs/needs.css";
import { createPlanActionAction, deletePlanActionAction, markExternalDoneAction } from "@/app/needs/plan.action";
import { ExternalDoneForm } from "@/components/needs/external-done-form";
import { EURO_FORMAT } from "@/lib/money/z-euros";
import { MAX_IMPORT_BYTES } from "@/lib/security/body-limits";
import { ImportForm } from "@/components/indicators/import-form";
import { importFormLabels } from "@/components/indicators/import-form-labels";
import { importCsvAction } from "@/app/officer/imports/import-csv.action";

export const generateMetadata = pageTitle("pageTitles.trainingPlan");

const ZParams = z.object({ id: z.string().min(1).max(40) });
const ZSearch = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

export default async function TrainingPlanPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = ZParams.safeParse(await props.params);
  if (!params.success) notFound();
  const institutionId = params.data.id;
  const actor = await requirePagePermission("needs.plan", { institutionId });
  const { year } = ZSearch.parse(await props.searchParams);
  const [{ locale, t }, plan] = await Promise.all([getTranslator(), getTrainingPlan(actor, { institutionId, year })]);
  const { campaign, totals } = plan;
  const money = (cents: number) => formatNumber(locale, cents / 100, { style: "currency", currency: "EUR" });
  const exportHref = (format: "xlsx" | "pdf") =>
    `/api/needs/plan?institutionId=${encodeURIComponent(institutionId)}&year=${campaign?.year ?? ""}&format=${format}`;
  return (
    <>
      <h1>{t("needs.plan.title", { year: campaign?.year ?? "", institution: plan.institution.name })}</h1>
      <p>
        <Link href={`/institutions/${institutionId}/needs${campaign ? `?year=${campaign.year}` : ""}`}>
          {t("needs.plan.needsLink")}
        </Link>
      </p>
      {plan.campaigns.length > 1 && (
        <nav aria-label={t("needs.plan.yearNav")}>
          <ul className="plain-list">
            {plan.campaigns.map((each) => (
              <li key={each.id}>
                <Link
                  href={`/institutions/${institutionId}/plan?year=${each.year}`}
                  aria-current={each.id === campaign?.id ? "page" : undefined}
                >
                  {each.year}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!campaign || !totals ? (
        <p>{t("needs.plan.noCampaign")}</p>
      ) : (
        <>
          <h2>{t("needs.plan.summaryTitle")}</h2>
          <ul className="need-facts">
            <li>
              {t("needs.plan.summary.needs", { retained: totals.retainedNeeds, unplanned: totals.unplannedNeeds })}
            </li>
            <li>{t("needs.plan.summary.agents", { planned: totals.plannedAgents, trained: totals.trainedAgents })}</li>
            <li>{t("needs.plan.summary.budget", { amount: money(totals.budgetCents) })}</li>
            <li>{t("needs.plan.summary.status", totals.byStatus)}</li>
            <li>
              {t("needs.plan.summary.rate", {
                rate: totals.realisationRate === null ? "—" : formatPercent(locale, totals.realisationRate),
              })}
            </li>
          </ul>
          <p className="muted">{t("needs.plan.rateDefinition")}</p>
          <p>
            <a className="button button-secondary" href={exportHref("xlsx")} download>
              {t("needs.plan.exportXlsx")}
            </a>{" "}
            <a className="button button-secondary" href={exportHref("pdf")} download>
              {t("needs.plan.exportPdf")}
            </a>
          </p>
          <ActionAnnouncer id="plan-announcer" />
          {plan.groups.length === 0 && <p>{t("needs.plan.empty")}</p>}
          {plan.groups.map((group) => {
            const names = { theme: group.theme[locale], type: t(`enums.trainingType.${group.trainingType}`) };
            const key = `${group.themeId}-${group.trainingType}`;
            const courses = plan.courseOptions.filter((course) => course.themeId === group.themeId);
            return (
              <section key={key} aria-labelledby={`group-${key}`}>
                <h2 id={`group-${key}`}>{t("needs.plan.group", names)}</h2>
                <p>
                  {t("needs.plan.groupFacts", {
                    retained: group.retainedNeeds,
                    agents: group.agents,
                    unplanned: group.unplannedNeeds,
                  })}
                </p>
                {group.actions.length > 0 && (
                  <div
                    className="needs-table-scroll"
                    tabIndex={0}
                    role="region"
                    aria-label={t("needs.plan.actionsCaption", names)}
                  >
                    <table className="table">
                      <caption>{t("needs.plan.actionsCaption", names)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("needs.plan.columns.action")}</th>
                          <th scope="col">{t("needs.plan.columns.kind")}</th>
                          <th scope="col">{t("needs.plan.columns.planned")}</th>
                          <th scope="col">{t("needs.plan.columns.trained")}</th>
                          <th scope="col">{t("needs.plan.columns.ongoing")}</th>
                          <th scope="col">{t("needs.plan.columns.sessions")}</th>
                          <th scope="col">{t("needs.plan.columns.status")}</th>
                          <th scope="col">{t("needs.plan.columns.budget")}</th>
                          {plan.canPlan && <th scope="col">{t("needs.plan.columns.remove")}</th>}
                        </tr>
                      </thead>
                      <tbody>
                        {group.actions.map((action) => (
                          <tr key={action.id}>
                            <th scope="row">{action.title}</th>
                            <td>{t(`enums.planActionKind.${action.kind}`)}</td>
                            <td>{action.plannedAgents}</td>
                            <td>{action.trainedAgents}</td>
                            <td>{action.ongoingAgents}</td>
                            <td>{action.sessions}</td>
                            <td>{t(`enums.planActionStatus.${action.status}`)}</td>
                            <td>{money(action.budgetCents.total)}</td>
                            {plan.canPlan && (
                              <td>
                                <ActionForm
                                  id={`remove-action-${action.id}`}
                                  isAnnounced
                                  isSecondary
                                  action={deletePlanActionAction}
                                  hidden={{ actionId: action.id }}
                                  submitLabel={t("needs.plan.remove", { title: action.title })}
                                  doneMessage={t("needs.plan.removed")}
                                />
                              </td>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {plan.canPlan &&
                  group.actions.map(
                    (action) =>
                      action.external && (
                        <ExternalDoneForm
                          key={`external-${action.id}`}
                          t={t}
                          actionId={action.id}
                          title={action.title}
                          doneOn={action.external.doneOn ?? plan.today}
                          actualCost={
                            action.external.actualCostCents === null
                              ? ""
                              : formatNumber(locale, action.external.actualCostCents / 100, {
                                  ...EURO_FORMAT,
                                  useGrouping: false,
                                })
                          }
                          participantIds={action.external.participantIds}
                          candidates={action.external.candidates}
                          action={markExternalDoneAction}
                        />
                      ),
                  )}
                {plan.canPlan && (
                  <details open={group.actions.length === 0}>
                    <summary>{t("needs.plan.newAction", names)}</summary>
                    <ActionForm
                      id={`plan-action-${key}`}
                      action={createPlanActionAction}
                      hidden={{ campaignId: campaign.id, themeId: group.themeId, trainingType: group.trainingType }}
                      submitLabel={t("needs.plan.submit")}
                      doneMessage={t("needs.plan.done")}
                    >
                      <label htmlFor={`plan-title-${key}`}>{t("needs.plan.actionTitle")}</label>
                      <input id={`plan-title-${key}`} name="title" required maxLength={300} />
                      <label htmlFor={`plan-kind-${key}`}>{t("needs.plan.kind")}</label>
                      <select id={`plan-kind-${key}`} name="kind" defaultValue="COURSE_SESSIONS">
                        {(["COURSE_SESSIONS", "ONLINE_MODULE", "EXTERNAL"] as const).map((kind) => (
                          <option key={kind} value={kind}>
                            {t(`enums.planActionKind.${kind}`)}
                          </option>
                        ))}
                      </select>
                      <label htmlFor={`plan-course-${key}`}>{t("needs.plan.course")}</label>
                      <select id={`plan-course-${key}`} name="courseId" defaultValue="">
                        <option value="">{t("needs.plan.noCourse")}</option>
                        {courses.map((course) => (
                          <option key={course.id} value={course.id}>
                            {course.title}
                          </option>
                        ))}
                      </select>
                      <label htmlFor={`plan-agents-${key}`}>{t("needs.plan.plannedAgents")}</label>
                      <input
                        id={`plan-agents-${key}`}
                        name="plannedAgents"
                        type="number"
                        min={1}
                        required
                        defaultValue={Math.max(1, group.agents)}
                      />
                      <label htmlFor={`plan-teaching-${key}`}>{t("needs.plan.teachingBudget")}</label>
                      <input id={`plan-teaching-${key}`} name="teachingBudget" inputMode="decimal" defaultValue="0" />
                      <label htmlFor={`plan-venue-${key}`}>{t("needs.plan.venueBudget")}</label>
                      <input id={`plan-venue-${key}`} name="venueBudget" inputMode="decimal" defaultValue="0" />
                      <label htmlFor={`plan-mission-${key}`}>{t("needs.plan.missionBudget")}</label>
                      <input id={`plan-mission-${key}`} name="missionBudget" inputMode="decimal" defaultValue="0" />
                    </ActionForm>
                  </details>
                )}
              </section>
            );
          })}
          {plan.canPlan && (
            <ImportForm
              kind="planActions"
              institutionId={institutionId}
              hidden={{ year: String(campaign.year) }}
              maxBytes={MAX_IMPORT_BYTES}
              action={importCsvAction}
              labels={{
                ...importFormLabels(t),
                title: t("needs.plan.import.title"),
                columns: t("needs.plan.import.columns"),
                done: t("needs.plan.import.done"),
              }}
            />
          )}
        </>
      )}
    </>
  );
}
