import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { listLrsClients } from "@/lib/lrs/list-lrs-clients";
import { xapiBaseUrl } from "@/lib/lrs/xapi-identifiers";
import { LrsClientsPanel } from "@/components/lrs/lrs-clients-panel";

export const generateMetadata = pageTitle("pageTitles.institutionsIdLrsClients");

export default async function InstitutionLrsClientsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePagePermission("lrsClient.manage", { institutionId: id });
  const { locale, t } = await getTranslator();
  const admin = await listLrsClients(actor, { institutionId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <h1>{t("lrsClients.institutionTitle", { name: admin.institutions[0]!.name })}</h1>
      <p className="lead">{t("lrsClients.intro")}</p>
      <p>
        <Link href={`/institutions/${id}`}>{t("lrsClients.backToInstitution")}</Link>
      </p>
      <LrsClientsPanel {...admin} endpoint={`${xapiBaseUrl()}/api/xapi`} locale={locale} t={t} />
    </>
  );
}
