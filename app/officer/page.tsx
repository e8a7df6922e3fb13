import { pageTitle } from "@/lib/i18n/page-title";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { institutionsWhere } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("pageTitles.officer");

/** A training officer's home is the overview of the institution they are responsible for. */
export default async function OfficerPage() {
  const actor = await requirePageActor();
  const institutions = institutionsWhere(actor, "institution.update");
  const own = institutions === "all" ? actor.institutionId : institutions[0];
  if (own) redirect(`/institutions/${own}`);
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("officer.title")}</h1>
      <p>{t("officer.noInstitution")}</p>
    </>
  );
}
