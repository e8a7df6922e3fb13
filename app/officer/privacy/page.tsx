import { pageTitle } from "@/lib/i18n/page-title";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { listErasableAgents } from "@/lib/privacy/list-erasable-agents";
import { EraseAgentForm } from "@/components/privacy/erase-agent-form";
import { eraseAgentAction } from "./privacy.action";

export const generateMetadata = pageTitle("pageTitles.officerPrivacy");

/** Training officers: find a departed agent of their institution and erase their personal data. */
export default async function OfficerPrivacyPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requirePagePermission("privacy.erase");
  const { t } = await getTranslator();
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  const agents = await listErasableAgents(actor, { query });
  return (
    <>
      <h1>{t("privacy.erase.title")}</h1>
      <p className="lead">{t("privacy.erase.intro")}</p>
      <form method="get" className="form" role="search">
        <label htmlFor="privacy-q">{t("privacy.erase.searchLabel")}</label>
        <input id="privacy-q" name="q" type="search" defaultValue={query} minLength={2} maxLength={200} />
        <button type="submit" className="button">
          {t("privacy.erase.search")}
        </button>
      </form>
      {query.length >= 2 && agents.length === 0 ? <p>{t("privacy.erase.none")}</p> : null}
      {agents.length > 0 ? (
        <table className="table">
          <caption>{t("privacy.erase.results")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("privacy.erase.name")}</th>
              <th scope="col">{t("privacy.erase.email")}</th>
              <th scope="col">{t("privacy.erase.action")}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">{agent.name}</th>
                <td>{agent.email}</td>
                <td>
                  {agent.canErase ? (
                    <EraseAgentForm
                      action={eraseAgentAction}
                      userId={agent.id}
                      labels={{
                        reason: t("privacy.erase.reasonLabel"),
                        reasonHint: t("privacy.erase.reasonHint"),
                        confirm: t("privacy.erase.confirmLabel", { name: agent.name }),
                        submit: t("privacy.erase.submit"),
                        done: t("privacy.erase.done"),
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
