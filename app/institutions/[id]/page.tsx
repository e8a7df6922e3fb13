import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getInstitutionOverview } from "@/lib/institutions/get-institution-overview";
import { getTranslator } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/i18n/format";
import { isAppError } from "@/lib/errors/app-error";
import { InstitutionSettingsForm } from "@/components/institutions/institution-settings-form";

export const metadata: Metadata = { title: "Établissement" };

export default async function InstitutionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePagePermission("institution.read", { institutionId: id });
  const { locale, t } = await getTranslator();
  const overview = await getInstitutionOverview(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { institution, figures } = overview;
  const tiles = [
    { label: t("officer.agents"), value: figures.agents },
    { label: t("officer.enrolments"), value: figures.enrolments },
    { label: t("officer.completions"), value: figures.completions },
    { label: t("officer.trainees"), value: figures.trainees },
  ];
  return (
    <>
      <h1>{t("institution.title", { name: institution.name })}</h1>
      <p>
        {t("institution.code", { code: institution.code })} · {t("institution.region", { region: locale === "en" ? institution.region.nameEn : institution.region.nameFr })}
      </p>
      <dl className="tiles">
        {tiles.map((tile) => (
          <div key={tile.label} className="tile">
            <dt>{tile.label}</dt>
            <dd>{formatNumber(locale, tile.value)}</dd>
          </div>
        ))}
      </dl>
      {can(actor, "institution.update", { institutionId: id }) && (
        <InstitutionSettingsForm
          institutionId={institution.id}
          timeZone={institution.timeZone}
          labels={{ timeZone: t("officer.timeZone"), save: t("officer.save"), saved: t("officer.saved") }}
        />
      )}
    </>
  );
}
