import { pageTitle } from "@/lib/i18n/page-title";
import { z } from "zod";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listInstitutionNeeds } from "@/lib/needs/list-institution-needs";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import "@/components/needs/needs.css";
import { NeedSummary, needTitle } from "@/components/needs/need-summary";
import { decideNeedAction, openCampaignAction } from "@/app/needs/needs.action";

export const generateMetadata = pageTitle("pageTitles.institutionNeeds");

const ZParams = z.object({ id: z.string().min(1).max(40) });
const ZSearch = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });
const dateInput = (date: Date) => date.toISOString().slice(0, 10);

export default async function InstitutionNeedsPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = ZParams.safeParse(await props.params);
  if (!params.success) notFound();
  const institutionId = params.data.id;
  const actor = await requirePagePermission("needs.decide", { institutionId });
  const { year } = ZSearch.parse(await props.searchParams);
  const [{ locale, t }, view] = await Promise.all([
    getTranslator(),
    listInstitutionNeeds(actor, { institutionId, year }),
  ]);
  const campaign = view.campaign;
  const thisYear = new Date().getUTCFullYear();
  return (
    <>
      <h1>
        {t("needs.officer.title")} — {view.institution.name}
      </h1>
      <p>
        <Link href={`/institutions/${institutionId}/plan${campaign ? `?year=${campaign.year}` : ""}`}>
          {t("needs.plan.link")}
        </Link>
      </p>
      {campaign ? (
        <p>
          {t("needs.officer.campaignDates", {
            year: campaign.year,
            from: formatDate(locale, campaign.opensAt),
            to: formatDate(locale, campaign.closesAt),
          })}
        </p>
      ) : (
        <p>{t("needs.officer.noCampaign")}</p>
      )}
      {view.canManageCampaign && (
        <details open={!campaign}>
          <summary>{t("needs.officer.campaignTitle")}</summary>
          <ActionForm
            id="open-campaign"
            action={openCampaignAction}
            hidden={{ institutionId }}
            submitLabel={t("needs.officer.openSubmit")}
            doneMessage={t("needs.officer.openDone")}
          >
            <label htmlFor="campaign-year">{t("needs.officer.year")}</label>
            <input
              id="campaign-year"
              name="year"
              type="number"
              min={2000}
              max={2100}
              required
              defaultValue={campaign?.year ?? thisYear}
            />
            <label htmlFor="campaign-opens">{t("needs.officer.opensAt")}</label>
            <input
              id="campaign-opens"
              name="opensAt"
              type="date"
              required
              defaultValue={campaign ? dateInput(campaign.opensAt) : ""}
            />
            <label htmlFor="campaign-closes">{t("needs.officer.closesAt")}</label>
            <input
              id="campaign-closes"
              name="closesAt"
              type="date"
              required
              defaultValue={campaign ? dateInput(campaign.closesAt) : ""}
            />
            <label htmlFor="campaign-instructions">{t("needs.officer.instructions")}</label>
            <textarea
              id="campaign-instructions"
              name="instructions"
              maxLength={5000}
              defaultValue={campaign?.instructions ?? ""}
            />
          </ActionForm>
        </details>
      )}
      <h2>{t("needs.officer.needsTitle", { count: view.total })}</h2>
      <ActionAnnouncer id="officer-needs-announcer" />
      {campaign && view.needs.length === 0 && <p>{t("needs.officer.empty")}</p>}
      <ul className="card-list">
        {view.needs.map((need) => (
          <li key={need.id} className="card">
            <h3 className="card-title">
              {need.agentName} — {needTitle(need, locale)}
            </h3>
            <NeedSummary need={need} locale={locale} t={t} />
            {!need.opinion && <p>{t("needs.officer.noOpinion")}</p>}
            {need.canDecide && (
              <ActionForm
                id={`decide-need-${need.id}`}
                isAnnounced
                action={decideNeedAction}
                hidden={{ needId: need.id }}
                submitLabel={t("needs.officer.submit", { name: need.agentName })}
                doneMessage={t("needs.officer.done")}
              >
                <fieldset>
                  <legend>{t("needs.officer.decisionLegend")}</legend>
                  {(["RETAINED", "DEFERRED", "REFUSED"] as const).map((decision) => (
                    <label key={decision}>
                      <input
                        type="radio"
                        name="decision"
                        value={decision}
                        defaultChecked={(need.decision ?? "RETAINED") === decision}
                      />{" "}
                      {t(`enums.needDecision.${decision}`)}
                    </label>
                  ))}
                </fieldset>
                <label htmlFor={`decision-reason-${need.id}`}>{t("needs.officer.reason")}</label>
                <textarea
                  id={`decision-reason-${need.id}`}
                  name="reason"
                  maxLength={2000}
                  defaultValue={need.decisionReason ?? ""}
                />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
