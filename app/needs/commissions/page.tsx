import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listCommissions } from "@/lib/needs/list-commissions";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import "@/components/needs/needs.css";

export const generateMetadata = pageTitle("pageTitles.moduleCommissions");

export default async function CommissionsPage() {
  const actor = await requirePagePermission("needs.commission");
  const [{ locale, t }, commissions] = await Promise.all([getTranslator(), listCommissions(actor)]);
  return (
    <>
      <p>
        <Link href="/needs/pooling">{t("costs.scales.back")}</Link>
      </p>
      <h1>{t("costs.commission.listTitle")}</h1>
      {commissions.length === 0 ? (
        <p>{t("costs.commission.empty")}</p>
      ) : (
        <div className="needs-table-scroll" tabIndex={0} role="region" aria-label={t("costs.commission.listCaption")}>
          <table className="table">
            <caption>{t("costs.commission.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("costs.commission.moduleTitle")}</th>
                <th scope="col">{t("costs.commission.brief")}</th>
                <th scope="col">{t("costs.commission.maker")}</th>
                <th scope="col">{t("costs.commission.needs")}</th>
                <th scope="col">{t("costs.commission.status")}</th>
              </tr>
            </thead>
            <tbody>
              {commissions.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    {row.title}
                    <br />
                    <small>{formatDate(locale, row.createdAt)}</small>
                  </th>
                  <td className="prose">{row.brief}</td>
                  <td>{row.trainer ? `${row.trainer} (${row.institution})` : row.institution}</td>
                  <td>{formatNumber(locale, row.needs)}</td>
                  <td>{row.isPublished ? t("costs.commission.published") : t("costs.commission.draft")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
