import { pageTitle } from "@/lib/i18n/page-title";
import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { institutionsWhere } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { listLrsClients } from "@/lib/lrs/list-lrs-clients";
import { xapiBaseUrl } from "@/lib/lrs/xapi-identifiers";
import { LrsClientsPanel } from "@/components/lrs/lrs-clients-panel";

export const generateMetadata = pageTitle("pageTitles.adminLrsClients");

/** National administration of LRS clients; an officer is sent to their institution's page. */
export default async function AdminLrsClientsPage() {
  const actor = await requirePagePermission("lrsClient.manage");
  if (institutionsWhere(actor, "lrsClient.manage") !== "all") redirect("/officer/lrs-clients");
  const { locale, t } = await getTranslator();
  const admin = await listLrsClients(actor);
  return (
    <>
      <h1>{t("lrsClients.title")}</h1>
      <p className="lead">{t("lrsClients.intro")}</p>
      <LrsClientsPanel {...admin} endpoint={`${xapiBaseUrl()}/api/xapi`} locale={locale} t={t} />
    </>
  );
}
