import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { searchThreads, ZSearchQuery } from "@/lib/networks/search-threads";
import "@/components/networks/networks.css";

export const metadata: Metadata = { title: "Recherche" };

export default async function NetworkSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePagePermission("network.participate");
  const { locale, t } = await getTranslator();
  const query = ZSearchQuery.parse(await searchParams);
  const hits = query.q ? await searchThreads(actor, query) : [];
  return (
    <>
      <p>
        <Link href="/networks">{t("networks.title")}</Link>
      </p>
      <h1>{t("networks.search.title")}</h1>
      <form method="get" role="search" className="form" aria-label={t("networks.search.title")}>
        <label htmlFor="search-q">{t("networks.search.label")}</label>
        <input id="search-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} />
        <button type="submit" className="button">
          {t("networks.search.submit")}
        </button>
      </form>
      {query.q && (
        <section aria-labelledby="results">
          <h2 id="results">{t("networks.search.results", { q: query.q })}</h2>
          {hits.length === 0 ? (
            <p>{t("networks.search.empty")}</p>
          ) : (
            <ol className="card-list">
              {hits.map((hit) => (
                <li key={hit.threadId} className="card">
                  <h3 className="card-title">
                    <Link href={`/networks/${hit.networkSlug}/threads/${hit.threadId}`}>{hit.title}</Link>
                  </h3>
                  <p className="network-meta">
                    {t("networks.search.inNetwork", { name: hit.networkName })} ·{" "}
                    {t("networks.page.lastPost", { date: formatDate(locale, hit.lastPostAt) })}
                  </p>
                  {hit.excerpt.length > 0 && (
                    <p>
                      {hit.excerpt.map((part, index) =>
                        part.isMatch ? (
                          <mark key={index} className="network-mark">
                            {part.text}
                          </mark>
                        ) : (
                          <span key={index}>{part.text}</span>
                        ),
                      )}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
