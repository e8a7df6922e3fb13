import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { z } from "zod";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { canSometimes } from "@/lib/auth/permissions";
import { listPooledNeeds } from "@/lib/needs/list-pooled-needs";
import { getTranslator } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { formatNumber } from "@/lib/i18n/format";
import "@/components/needs/needs.css";

export const generateMetadata = pageTitle("pageTitles.needsPooling");

const ZSearch = z.object({
  year: z.coerce.number().int().min(2000).max(2100).catch(new Date().getUTCFullYear()),
  regionId: z.string().min(1).max(40).optional().catch(undefined),
});

export default async function PoolingPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("needs.pool");
  const search = ZSearch.parse(await props.searchParams);
  const [{ locale, t }, pooled] = await Promise.all([getTranslator(), listPooledNeeds(actor, search)]);
  const regionName = (region: { nameFr: string; nameEn: string }) => localized(locale, region.nameFr, region.nameEn);
  return (
    <>
      <h1>{t("needs.pooling.title")}</h1>
      <p className="prose">{t("needs.pooling.intro")}</p>
      {canSometimes(actor, "missionScales.manage") && (
        <p>
          <Link href="/needs/scales">{t("costs.scales.link")}</Link>
        </p>
      )}
      {canSometimes(actor, "needs.commission") && (
        <p>
          <Link href="/needs/commissions">{t("costs.commission.listTitle")}</Link>
        </p>
      )}
      <form method="get" className="form" aria-label={t("needs.pooling.filters")}>
        <label htmlFor="pool-year">{t("needs.pooling.year")}</label>
        <input id="pool-year" name="year" type="number" min={2000} max={2100} defaultValue={pooled.year} />
        {pooled.regions.length > 1 && (
          <>
            <label htmlFor="pool-region">{t("needs.pooling.region")}</label>
            <select id="pool-region" name="regionId" defaultValue={search.regionId ?? ""}>
              <option value="">{t("needs.pooling.allRegions")}</option>
              {pooled.regions.map((region) => (
                <option key={region.id} value={region.id}>
                  {regionName(region)}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" className="button button-secondary">
          {t("needs.pooling.apply")}
        </button>
      </form>
      {pooled.groups.length === 0 ? (
        <p>{t("needs.pooling.empty")}</p>
      ) : (
        <div
          className="needs-table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t("needs.pooling.caption", { year: pooled.year })}
        >
          <table className="table">
            <caption>{t("needs.pooling.caption", { year: pooled.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("needs.pooling.subject")}</th>
                <th scope="col">{t("needs.pooling.agents")}</th>
                <th scope="col">{t("needs.pooling.institutions")}</th>
                <th scope="col">{t("needs.pooling.byCategory")}</th>
                <th scope="col">{t("needs.pooling.bySite")}</th>
                <th scope="col">{t("needs.pooling.pool")}</th>
              </tr>
            </thead>
            <tbody>
              {pooled.groups.map((group) => {
                const theme = localized(locale, group.theme.fr, group.theme.en);
                return (
                  <tr key={group.key}>
                    <th scope="row">
                      {group.title
                        ? localized(locale, group.title.fr, group.title.en)
                        : t("needs.pooling.freeNeeds", { theme })}
                      <br />
                      <small>{t("needs.officer.theme", { theme })}</small>
                    </th>
                    <td>{formatNumber(locale, group.agents)}</td>
                    <td>{formatNumber(locale, group.institutions)}</td>
                    <td>
                      <ul className="plain-list">
                        {group.byCategory.map((row) => (
                          <li key={row.category}>
                            {row.category === "NOT_RECORDED"
                              ? t("needs.pooling.categoryUnknownAgents", { agents: row.agents })
                              : t("needs.pooling.categoryAgents", { category: row.category, agents: row.agents })}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <ul className="plain-list">
                        {group.bySite.map((row) => (
                          <li key={row.id}>
                            {t("needs.pooling.siteAgents", {
                              site: row.name ?? t("needs.pooling.noSite"),
                              agents: row.agents,
                            })}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <ul className="plain-list">
                        {group.byRegion.map((row) => (
                          <li key={row.id}>
                            <Link
                              href={`/needs/pooling/group?${new URLSearchParams({
                                year: String(pooled.year),
                                regionId: row.id,
                                subject: group.key,
                              }).toString()}`}
                            >
                              {row.name
                                ? t("needs.pooling.poolIn", { region: regionName(row.name) })
                                : t("needs.pooling.pool")}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
