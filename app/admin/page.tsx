import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getNationalOverview } from "@/lib/indicators/get-national-overview";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";

export const metadata: Metadata = { title: "Indicateurs nationaux" };

export default async function AdminPage() {
  const actor = await requirePagePermission("indicators.national");
  const [{ locale, t }, regions] = await Promise.all([getTranslator(), getNationalOverview(actor)]);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <table className="table">
        <caption>{t("admin.byRegion")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.region")}</th>
            <th scope="col">{t("admin.institutions")}</th>
            <th scope="col">{t("admin.agents")}</th>
            <th scope="col">{t("admin.trainees")}</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={region.id}>
              <th scope="row">{locale === "en" ? region.nameEn : region.nameFr}</th>
              <td>{formatNumber(locale, region._count.institutions)}</td>
              <td>{formatNumber(locale, region.agents)}</td>
              <td>{formatNumber(locale, region.trainees)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="definition">{t("admin.traineesDefinition")}</p>
    </>
  );
}
