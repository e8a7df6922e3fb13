// The LRS client administration, shared by the national page and an institution's page.
import type { TLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { TTranslate } from "@/lib/i18n/translate";
import type { TLrsClientRow } from "@/lib/lrs/list-lrs-clients";
import { createLrsClientAction, revokeLrsClientAction } from "@/app/admin/lrs-clients/lrs-clients.action";
import { CreateLrsClientForm } from "./create-lrs-client-form";
import { RevokeLrsClientButton } from "./revoke-lrs-client-button";

type TProps = {
  clients: TLrsClientRow[];
  institutions: { id: string; name: string }[];
  isNationalAllowed: boolean;
  endpoint: string;
  locale: TLocale;
  t: TTranslate;
};

export function LrsClientsPanel({ clients, institutions, isNationalAllowed, endpoint, locale, t }: TProps) {
  const rights = (client: TLrsClientRow) =>
    [client.canRead && t("lrsClients.read"), client.canWrite && t("lrsClients.write")].filter(Boolean).join(", ");
  return (
    <>
      <CreateLrsClientForm
        action={createLrsClientAction}
        institutions={institutions}
        isNationalAllowed={isNationalAllowed}
        endpoint={endpoint}
        labels={{
          heading: t("lrsClients.createHeading"),
          name: t("lrsClients.name"),
          institution: t("lrsClients.institution"),
          national: t("lrsClients.national"),
          permissions: t("lrsClients.permissions"),
          canRead: t("lrsClients.canRead"),
          canWrite: t("lrsClients.canWrite"),
          create: t("lrsClients.create"),
          createdTitle: t("lrsClients.createdTitle"),
          key: t("lrsClients.key"),
          secret: t("lrsClients.secret"),
          secretOnce: t("lrsClients.secretOnce"),
          endpoint: t("lrsClients.endpoint"),
        }}
      />
      <section aria-labelledby="lrs-clients-heading">
        <h2 id="lrs-clients-heading">{t("lrsClients.listHeading")}</h2>
        {clients.length === 0 ? (
          <p>{t("lrsClients.empty")}</p>
        ) : (
          <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-labelledby="lrs-clients-heading">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("lrsClients.name")}</th>
                  <th scope="col">{t("lrsClients.key")}</th>
                  <th scope="col">{t("lrsClients.institution")}</th>
                  <th scope="col">{t("lrsClients.permissions")}</th>
                  <th scope="col">{t("lrsClients.created")}</th>
                  <th scope="col">{t("lrsClients.status")}</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((client) => (
                  <tr key={client.id}>
                    <th scope="row">{client.name}</th>
                    <td>
                      <code>{client.key}</code>
                    </td>
                    <td>{client.institution?.name ?? t("lrsClients.national")}</td>
                    <td>{rights(client)}</td>
                    <td>{formatDate(locale, client.createdAt)}</td>
                    <td>
                      {client.revokedAt ? (
                        t("lrsClients.revokedOn", { date: formatDate(locale, client.revokedAt) })
                      ) : (
                        <RevokeLrsClientButton
                          action={revokeLrsClientAction}
                          clientId={client.id}
                          labels={{
                            revoke: t("lrsClients.revoke"),
                            revokeName: t("lrsClients.revokeName", { name: client.name }),
                            revoked: t("lrsClients.revoked"),
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
