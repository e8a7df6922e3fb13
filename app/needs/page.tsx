import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getMyNeeds } from "@/lib/needs/get-my-needs";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { ExpressNeedForm } from "@/components/needs/express-need-form";
import "@/components/needs/needs.css";
import { NeedSummary, needTitle } from "@/components/needs/need-summary";
import { expressNeedAction, withdrawNeedAction } from "./needs.action";

export const generateMetadata = pageTitle("pageTitles.needs");

export default async function MyNeedsPage() {
  const actor = await requirePagePermission("needs.express");
  const [{ locale, t }, page] = await Promise.all([getTranslator(), getMyNeeds(actor)]);
  const campaign = page.openCampaign;
  return (
    <>
      <h1>{t("needs.mine.title")}</h1>
      <p className="prose">{t("needs.mine.intro")}</p>
      <p>
        <Link href="/needs/team">{t("nav.teamNeeds")}</Link>
      </p>
      {campaign ? (
        <section aria-labelledby="express-title">
          <p>{t("needs.mine.campaignOpen", { year: campaign.year, date: formatDate(locale, campaign.closesAt) })}</p>
          {campaign.instructions && (
            <>
              <h2>{t("needs.mine.instructions")}</h2>
              <p className="prose">{campaign.instructions}</p>
            </>
          )}
          <h2 id="express-title">{t("needs.mine.formTitle")}</h2>
          <ExpressNeedForm
            t={t}
            campaignId={campaign.id}
            action={expressNeedAction}
            courses={page.courses.map((course) => ({
              id: course.id,
              title: localized(locale, course.title, course.titleEn),
            }))}
            themes={page.themes.map((theme) => ({ id: theme.id, name: localized(locale, theme.nameFr, theme.nameEn) }))}
          />
        </section>
      ) : (
        <p>
          {page.nextCampaign
            ? t("needs.mine.campaignNext", {
                year: page.nextCampaign.year,
                date: formatDate(locale, page.nextCampaign.opensAt),
              })
            : t("needs.mine.noCampaign")}
        </p>
      )}
      <h2>{t("needs.mine.listTitle")}</h2>
      <ActionAnnouncer id="needs-announcer" />
      {page.needs.length === 0 && <p>{t("needs.mine.empty")}</p>}
      <ul className="card-list">
        {page.needs.map((need) => (
          <li key={need.id} className="card">
            <h3 className="card-title">{needTitle(need, locale)}</h3>
            <NeedSummary need={need} locale={locale} t={t} />
            {need.answeredBySessionId && (
              <p>
                <Link href={`/sessions/${need.answeredBySessionId}`}>{t("needs.mine.seeSession")}</Link>
              </p>
            )}
            {need.canWithdraw && (
              <ActionForm
                id={`withdraw-${need.id}`}
                isAnnounced
                isSecondary
                action={withdrawNeedAction}
                hidden={{ needId: need.id }}
                submitLabel={t("needs.mine.withdraw", { label: needTitle(need, locale) })}
                doneMessage={t("needs.mine.withdrawn")}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
