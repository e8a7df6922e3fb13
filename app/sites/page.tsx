import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listSitesByDistance } from "@/lib/sites/list-sites-by-distance";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";
import { SitesMap } from "@/components/sessions/sites-map";
import "@/components/sessions/sessions.css";

export const generateMetadata = pageTitle("pageTitles.sites");

export default async function SitesPage() {
  const actor = await requirePageActor();
  const [{ locale, t }, { sites, workplace }] = await Promise.all([getTranslator(), listSitesByDistance(actor)]);
  const distance = (km: number | null) =>
    km === null ? null : `${formatNumber(locale, km, { maximumFractionDigits: 0 })} km`;
  return (
    <>
      <h1>{t("sessions.sites.title")}</h1>
      <p className="lead">{t("sessions.sites.intro")}</p>
      <SitesMap
        sites={sites.map((site) => ({
          id: site.id,
          name: site.name,
          latitude: site.latitude,
          longitude: site.longitude,
          distance: distance(site.distanceKm),
        }))}
        workplace={workplace}
        labels={{
          title: t("sessions.sites.map"),
          note: t("sessions.sites.mapNote"),
          workplace: t("sessions.sites.workplace"),
          marker: (site) =>
            site.distance ? t("sessions.sites.markerLabel", { name: site.name, distance: site.distance }) : site.name,
        }}
      />
      <div className="table-scroll">
        <table className="table">
          <caption>{t("sessions.sites.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sessions.sites.site")}</th>
              <th scope="col">{t("sessions.sites.region")}</th>
              <th scope="col">{t("sessions.sites.distance")}</th>
              <th scope="col">{t("sessions.site.accessibility")}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <th scope="row">
                  <Link href={`/sites/${site.id}`}>{site.name}</Link> ({site.city})
                </th>
                <td>{locale === "en" ? site.region.nameEn : site.region.nameFr}</td>
                <td>{distance(site.distanceKm) ?? "—"}</td>
                <td>{site.accessibility || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
