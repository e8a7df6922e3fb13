import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listTeamNeeds } from "@/lib/needs/list-team-needs";
import { getTranslator } from "@/lib/i18n/server";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import "@/components/needs/needs.css";
import { NeedSummary, needTitle } from "@/components/needs/need-summary";
import { giveOpinionAction } from "../needs.action";

export const generateMetadata = pageTitle("pageTitles.needsTeam");

export default async function TeamNeedsPage() {
  const actor = await requirePagePermission("needs.opinion");
  const [{ locale, t }, needs] = await Promise.all([getTranslator(), listTeamNeeds(actor)]);
  return (
    <>
      <h1>{t("needs.team.title")}</h1>
      <p className="prose">{t("needs.team.intro")}</p>
      <ActionAnnouncer id="team-announcer" />
      {needs.length === 0 && <p>{t("needs.team.empty")}</p>}
      <ul className="card-list">
        {needs.map((need) => (
          <li key={need.id} className="card">
            <h2 className="card-title">
              {need.agentName} — {needTitle(need, locale)}
            </h2>
            <NeedSummary need={need} locale={locale} t={t} />
            {need.canGiveOpinion && (
              <ActionForm
                id={`opinion-${need.id}`}
                isAnnounced
                action={giveOpinionAction}
                hidden={{ needId: need.id }}
                submitLabel={t("needs.team.submit", { name: need.agentName })}
                doneMessage={t("needs.team.done")}
              >
                <fieldset>
                  <legend>{t("needs.team.opinionLegend")}</legend>
                  {(["FAVOURABLE", "UNFAVOURABLE", "TO_DISCUSS"] as const).map((opinion) => (
                    <label key={opinion}>
                      <input
                        type="radio"
                        name="opinion"
                        value={opinion}
                        defaultChecked={(need.opinion ?? "FAVOURABLE") === opinion}
                      />{" "}
                      {t(`enums.needOpinion.${opinion}`)}
                    </label>
                  ))}
                </fieldset>
                <label htmlFor={`opinion-reason-${need.id}`}>{t("needs.team.reason")}</label>
                <textarea
                  id={`opinion-reason-${need.id}`}
                  name="reason"
                  maxLength={2000}
                  defaultValue={need.opinionReason ?? ""}
                />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
