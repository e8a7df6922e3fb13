import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { listNetworks, ZNetworkDirectoryQuery } from "@/lib/networks/list-networks";
import { getNetworkCreationOptions } from "@/lib/networks/create-network";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { Pagination } from "@/components/networks/pagination";
import { CreateNetworkForm } from "@/components/networks/create-network-form";
import { createNetworkAction } from "./networks.action";
import "@/components/networks/networks.css";

export const metadata: Metadata = { title: "Réseaux professionnels" };

const SCOPES = ["NATIONAL", "REGIONAL", "THEMATIC", "INSTITUTION"] as const;

export default async function NetworksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePagePermission("network.participate");
  const { locale, t } = await getTranslator();
  const query = ZNetworkDirectoryQuery.parse(await searchParams);
  const [directory, unread, creation] = await Promise.all([
    listNetworks(actor, query),
    countUnreadNotifications(actor),
    getNetworkCreationOptions(actor),
  ]);
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (query.scope) params.set("scope", query.scope);
    if (query.q) params.set("q", query.q);
    params.set("page", String(page));
    return `/networks?${params}`;
  };
  return (
    <>
      <h1>{t("networks.title")}</h1>
      <p className="lead">{t("networks.lead")}</p>
      <p>
        <Link href="/notifications">
          {unread > 0 ? t("networks.unread", { count: unread }) : t("networks.unreadNone")}
        </Link>{" "}
        · <Link href="/networks/search">{t("networks.search.title")}</Link> ·{" "}
        <Link href="/networks/profile">{t("networks.profile.title")}</Link>
      </p>

      <section aria-labelledby="my-networks">
        <h2 id="my-networks">{t("networks.mine")}</h2>
        {directory.mine.length === 0 ? (
          <p>{t("networks.mineEmpty")}</p>
        ) : (
          <ul>
            {directory.mine.map((membership) => (
              <li key={membership.network.slug}>
                <Link href={`/networks/${membership.network.slug}`}>{membership.network.name}</Link>{" "}
                <span className="muted">
                  ({t(`networks.scope.${membership.network.scope}`)} ·{" "}
                  {membership.status === "PENDING"
                    ? t("networks.status.PENDING")
                    : t(`networks.role.${membership.role}`)}
                  )
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="directory">
        <h2 id="directory">{t("networks.directory")}</h2>
        <form method="get" className="form" role="search" aria-label={t("networks.directory")}>
          <label htmlFor="filter-scope">{t("networks.filterScope")}</label>
          <select id="filter-scope" name="scope" defaultValue={query.scope ?? ""}>
            <option value="">{t("networks.allScopes")}</option>
            {SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {t(`networks.scope.${scope}`)}
              </option>
            ))}
          </select>
          <label htmlFor="filter-name">{t("networks.filterName")}</label>
          <input id="filter-name" name="q" defaultValue={query.q ?? ""} maxLength={100} />
          <button type="submit" className="button button-secondary">
            {t("networks.filter")}
          </button>
        </form>
        {directory.networks.length === 0 ? (
          <p>{t("networks.none")}</p>
        ) : (
          <ul className="card-list">
            {directory.networks.map((network) => (
              <li key={network.id} className="card">
                <h3 className="card-title">
                  <Link href={`/networks/${network.slug}`}>{network.name}</Link>
                </h3>
                <p className="badges">
                  <span className="badge">{t(`networks.scope.${network.scope}`)}</span>
                  {network.region && (
                    <span className="badge">{localized(locale, network.region.nameFr, network.region.nameEn)}</span>
                  )}
                  <span className="badge">{t(`networks.access.${network.access}`)}</span>
                </p>
                {network.description && <p>{network.description}</p>}
                <p className="network-meta">
                  {t("networks.memberCount", { count: network.memberCount })} ·{" "}
                  {t("networks.threadsCount", { count: network.threadCount })} ·{" "}
                  {network.lastActivityAt
                    ? t("networks.lastActivity", { date: formatDate(locale, network.lastActivityAt) })
                    : t("networks.noActivity")}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination
          label={t("networks.pagination.label")}
          page={directory.page}
          pageCount={directory.pageCount}
          href={href}
          labels={{
            previous: t("networks.pagination.previous"),
            next: t("networks.pagination.next"),
            page: t("networks.pagination.page", { page: directory.page, count: directory.pageCount }),
          }}
        />
      </section>

      {creation && (
        <section aria-labelledby="create-network">
          <h2 id="create-network">{t("networks.create.title")}</h2>
          <p>{t("networks.create.help")}</p>
          <CreateNetworkForm
            action={createNetworkAction}
            scopes={creation.scopes.map((scope) => ({ value: scope, label: t(`networks.scope.${scope}`) }))}
            accesses={(["OPEN", "ON_REQUEST"] as const).map((access) => ({
              value: access,
              label: t(`networks.access.${access}`),
            }))}
            regions={creation.regions.map((region) => ({
              value: region.id,
              label: localized(locale, region.nameFr, region.nameEn),
            }))}
            themes={creation.themes.map((theme) => ({
              value: theme.id,
              label: localized(locale, theme.nameFr, theme.nameEn),
            }))}
            institutions={creation.institutions.map((institution) => ({
              value: institution.id,
              label: institution.name,
            }))}
            labels={{
              name: t("networks.create.name"),
              description: t("networks.create.description"),
              scope: t("networks.create.scope"),
              access: t("networks.create.access"),
              region: t("networks.create.region"),
              noRegion: t("networks.create.noRegion"),
              theme: t("networks.create.theme"),
              noTheme: t("networks.create.noTheme"),
              institution: t("networks.create.institution"),
              submit: t("networks.create.submit"),
              done: t("networks.create.done"),
            }}
          />
        </section>
      )}
    </>
  );
}
