import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { institutionsWhere } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { MAX_IMPORT_BYTES } from "@/lib/security/body-limits";
import { ImportForm } from "@/components/indicators/import-form";
import { importFormLabels } from "@/components/indicators/import-form-labels";
import { importCsvAction } from "./import-csv.action";

export const generateMetadata = pageTitle("pageTitles.officerImports");

export default async function ImportsPage() {
  const actor = await requirePagePermission("headcount.import");
  const { t } = await getTranslator();
  const institutions = institutionsWhere(actor, "headcount.import");
  const institutionId = institutions === "all" ? actor.institutionId : institutions[0];
  const common = importFormLabels(t);
  return (
    <>
      <h1>{t("indicators.imports.title")}</h1>
      <p className="lead">{t("indicators.imports.intro")}</p>
      {institutionId && (
        <>
          <p>
            <Link href={`/institutions/${institutionId}`}>{t("indicators.institutionHeading")}</Link>
          </p>
          <ImportForm
            kind="headcounts"
            institutionId={institutionId}
            maxBytes={MAX_IMPORT_BYTES}
            action={importCsvAction}
            labels={{
              ...common,
              title: t("indicators.imports.headcounts"),
              columns: t("indicators.imports.headcountsColumns"),
            }}
          />
          <ImportForm
            kind="staff"
            institutionId={institutionId}
            maxBytes={MAX_IMPORT_BYTES}
            action={importCsvAction}
            labels={{ ...common, title: t("indicators.imports.staff"), columns: t("indicators.imports.staffColumns") }}
          />
        </>
      )}
    </>
  );
}
