import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { z } from "zod";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getPooledGroup } from "@/lib/needs/get-pooled-group";
import { getTranslator } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { formatNumber } from "@/lib/i18n/format";
import { PooledSessionForm } from "@/components/needs/pooled-session-form";
import "@/components/needs/needs.css";
import { createPooledSessionAction } from "../../needs.action";
import { getCommissionOptions } from "@/lib/needs/get-commission-options";
import { CommissionModuleForm } from "@/components/needs/commission-module-form";
import { commissionModuleAction } from "../../commission.action";

export const generateMetadata = pageTitle("pageTitles.needsPoolingGroup");

const ZSearch = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.string().min(1).max(40),
  subject: z.string().min(1).max(60),
});

export default async function PooledGroupPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = ZSearch.safeParse(await props.searchParams);
  if (!search.success) notFound();
  const actor = await requirePagePermission("needs.pool", { regionId: search.data.regionId });
  const [{ locale, t }, group, commission] = await Promise.all([
    getTranslator(),
    getPooledGroup(actor, search.data),
    getCommissionOptions(actor),
  ]);
  const km = (value: number) => formatNumber(locale, Math.round(value));
  const euros = (value: number) => formatNumber(locale, value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <>
      <p>
        <Link href={`/needs/pooling?year=${group.year}`}>{t("needs.group.back")}</Link>
      </p>
      <h1>
        {t("needs.group.title")} — {localized(locale, group.region.nameFr, group.region.nameEn)}
      </h1>
      <div className="needs-table-scroll" tabIndex={0} role="region" aria-label={t("needs.group.title")}>
        <table className="table">
          <caption>{t("needs.group.requesters", { count: group.requesters.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("needs.group.agent")}</th>
              <th scope="col">{t("needs.group.institution")}</th>
              <th scope="col">{t("needs.group.workplace")}</th>
            </tr>
          </thead>
          <tbody>
            {group.requesters.map((requester) => (
              <tr key={requester.needId}>
                <th scope="row">{requester.name}</th>
                <td>{requester.institution}</td>
                <td>{requester.hasWorkplace ? t("needs.group.yes") : t("needs.group.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>{t("needs.group.sites")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("needs.group.site")}</th>
              <th scope="col">{t("needs.group.totalKm")}</th>
            </tr>
          </thead>
          <tbody>
            {group.sites.map((site) => (
              <tr key={site.id}>
                <th scope="row">
                  {site.name} ({site.city}){site.isBest && <strong> — {t("needs.group.best")}</strong>}
                </th>
                <td>{km(site.km)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>{t("needs.group.savings")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("needs.group.institution")}</th>
              <th scope="col">{t("needs.group.usualVenue")}</th>
              <th scope="col">{t("needs.pooling.agents")}</th>
              <th scope="col">{t("needs.group.usualKm")}</th>
              <th scope="col">{t("needs.group.chosenKm")}</th>
              <th scope="col">{t("needs.group.avoidedKm")}</th>
              <th scope="col">{t("needs.group.avoidedCost")}</th>
            </tr>
          </thead>
          <tbody>
            {group.savings.map((row) => (
              <tr key={row.institutionId}>
                <th scope="row">{row.institution}</th>
                <td>{row.usualVenue ?? t("needs.pooling.noSite")}</td>
                <td>{formatNumber(locale, row.agents)}</td>
                <td>{km(row.usualKm)}</td>
                <td>{km(row.chosenKm)}</td>
                <td>{km(row.avoidedKm)}</td>
                <td>{euros(row.avoidedCost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="definition">
        {t("costs.scales.note", {
          km: euros(group.scales.kmAllowanceCents / 100),
          meal: euros(group.scales.mealCents / 100),
          overnight: euros(group.scales.overnightCents / 100),
          from: formatNumber(locale, group.scales.overnightFromKm),
        })}
      </p>
      <h2>{t("needs.group.form")}</h2>
      {group.canCreateSession ? (
        <PooledSessionForm
          t={t}
          action={createPooledSessionAction}
          hidden={{ year: String(group.year), regionId: group.region.id, subject: group.subject }}
          versions={group.versions.map((version) => ({
            id: version.id,
            title: localized(locale, version.title, version.titleEn),
          }))}
          places={group.sites.flatMap((site) =>
            site.rooms.map((room) => ({
              value: `${site.id}|${room.id}`,
              label: `${site.name} — ${room.name} (${room.capacity})`,
            })),
          )}
          defaultDate={group.suggestedDate}
        />
      ) : (
        <p>{t("needs.group.cannot")}</p>
      )}
      {commission && group.requesters.length > 0 && (
        <section aria-labelledby="commission-title-heading">
          <h2 id="commission-title-heading">{t("costs.commission.title")}</h2>
          <p className="prose">{t("costs.commission.intro")}</p>
          <CommissionModuleForm
            t={t}
            action={commissionModuleAction}
            hidden={{ year: String(group.year), subject: group.subject }}
            institutions={commission.institutions}
            trainers={commission.trainers}
          />
        </section>
      )}
    </>
  );
}
