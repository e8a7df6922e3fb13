import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors/app-error";
import { listNetworkMembers, ZMembersQuery } from "@/lib/networks/list-network-members";
import type { TAuthorCard } from "@/lib/networks/author-card";
import type { TTranslate } from "@/lib/i18n/translate";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { Pagination } from "@/components/networks/pagination";
import { decideMembershipAction, setMemberRoleAction } from "../../networks.action";
import "@/components/networks/networks.css";

export const metadata: Metadata = { title: "Membres" };

function ProfileFields({ person, t }: { person: TAuthorCard; t: TTranslate }) {
  return (
    <ul className="network-meta">
      {person.handle && <li>{t("networks.members.handle", { handle: person.handle })}</li>}
      {person.headline && <li>{person.headline}</li>}
      {person.institution && <li>{t("networks.members.institution", { name: person.institution })}</li>}
      {person.email && (
        <li>
          {t("networks.members.email", { email: "" })}
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </li>
      )}
      {person.workplace && <li>{t("networks.members.workplace", { place: person.workplace })}</li>}
    </ul>
  );
}

export default async function NetworkMembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug } = await params;
  const actor = await requirePagePermission("network.participate");
  const { t } = await getTranslator();
  const query = ZMembersQuery.parse(await searchParams);
  const view = await listNetworkMembers(actor, { slug, page: query.page }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const { network } = view;
  return (
    <>
      <p>
        <Link href={`/networks/${network.slug}`}>{t("networks.thread.back", { name: network.name })}</Link>
      </p>
      <h1>{t("networks.members.title", { name: network.name })}</h1>
      <p>{t("networks.members.count", { count: view.total })}</p>
      <ActionAnnouncer id="members-announcer" />
      {view.isModerator && (
        <section aria-labelledby="pending">
          <h2 id="pending">{t("networks.members.pendingTitle")}</h2>
          {view.pending.length === 0 ? (
            <p>{t("networks.members.noPending")}</p>
          ) : (
            <ul className="card-list">
              {view.pending.map((person) => (
                <li key={person.id} className="card">
                  <h3 className="card-title">{person.name}</h3>
                  <ProfileFields person={person} t={t} />
                  <div className="network-actions">
                    {(["approve", "refuse"] as const).map((decision) => (
                      <ActionForm
                        key={decision}
                        id={`${decision}-${person.id}`}
                        isAnnounced
                        isSecondary={decision === "refuse"}
                        action={decideMembershipAction}
                        hidden={{ networkId: network.id, userId: person.id, decision }}
                        submitLabel={t(`networks.members.${decision}`, { name: person.name })}
                        doneMessage={t("networks.members.decided")}
                      />
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="members">
        <h2 id="members">{t("networks.members.count", { count: view.total })}</h2>
        <ul className="card-list">
          {view.members.map((member) => (
            <li key={member.id} className="card">
              <h3 className="card-title">
                {member.name} {member.isSelf && t("networks.members.you")}{" "}
                <span className="badge">{t(`networks.role.${member.role}`)}</span>
              </h3>
              <ProfileFields person={member} t={t} />
              {view.canManage && (
                <ActionForm
                  id={`role-${member.id}`}
                  isAnnounced
                  isSecondary
                  action={setMemberRoleAction}
                  hidden={{
                    networkId: network.id,
                    userId: member.id,
                    role: member.role === "MODERATOR" ? "MEMBER" : "MODERATOR",
                  }}
                  submitLabel={
                    member.role === "MODERATOR"
                      ? t("networks.members.makeMember", { name: member.name })
                      : t("networks.members.makeModerator", { name: member.name })
                  }
                  doneMessage={t("networks.members.roleChanged")}
                />
              )}
            </li>
          ))}
        </ul>
        <Pagination
          label={t("networks.pagination.label")}
          page={view.page}
          pageCount={view.pageCount}
          href={(page) => `/networks/${network.slug}/members?page=${page}`}
          labels={{
            previous: t("networks.pagination.previous"),
            next: t("networks.pagination.next"),
            page: t("networks.pagination.page", { page: view.page, count: view.pageCount }),
          }}
        />
      </section>
    </>
  );
}
