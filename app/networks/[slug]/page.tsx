import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { isAppError } from "@/lib/errors/app-error";
import { calendarToken } from "@/lib/sessions/calendar-token";
import { getNetworkPage, ZNetworkPageQuery } from "@/lib/networks/get-network-page";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { Pagination } from "@/components/networks/pagination";
import { PostComposer } from "@/components/networks/post-composer";
import { composerLabels } from "@/components/networks/composer-labels";
import { NetworkSidebar } from "@/components/networks/network-sidebar";
import { FormSection } from "@/components/networks/form-section";
import { createThreadAction, joinNetworkAction, leaveNetworkAction, updateDigestAction } from "../networks.action";
import "@/components/networks/networks.css";
import { publicUrl } from "@/lib/env";
import { PageBreadcrumb } from "@/components/layout/page-breadcrumb";

export const metadata: Metadata = { title: "Réseau" };

export default async function NetworkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug } = await params;
  const actor = await requirePagePermission("network.participate");
  const { locale, t } = await getTranslator();
  const query = ZNetworkPageQuery.safeParse(await searchParams);
  const view = await getNetworkPage(actor, { slug, page: query.success ? query.data.page : undefined }).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  const { network } = view;
  const base = publicUrl();
  return (
    <>
      <PageBreadcrumb segments={[{ label: t("networks.title"), href: "/networks" }]} current={network.name} />
      <h1>{network.name}</h1>
      <p className="badges">
        <span className="badge">{t(`networks.scope.${network.scope}`)}</span>
        <span className="badge">{t(`networks.access.${network.access}`)}</span>
        {view.membership && (
          <span className="badge">
            {view.membership.status === "PENDING"
              ? t("networks.status.PENDING")
              : t(`networks.role.${view.membership.role}`)}
          </span>
        )}
      </p>
      {network.description && <p className="lead">{network.description}</p>}
      <p>
        <Link href={`/networks/${network.slug}/members`}>
          {t("networks.page.membersLink", { count: network.memberCount })}
        </Link>
        {view.isModerator && (
          <>
            {" "}
            ·{" "}
            <Link href={`/networks/${network.slug}/moderation`}>
              {t("networks.page.moderationLink", { count: view.reportCount })}
            </Link>
            {view.pendingCount > 0 && (
              <>
                {" "}
                ·{" "}
                <Link href={`/networks/${network.slug}/members#pending`}>
                  {t("networks.page.pendingLink", { count: view.pendingCount })}
                </Link>
              </>
            )}
          </>
        )}{" "}
        · <Link href={`/networks/search?network=${network.slug}`}>{t("networks.page.search")}</Link>
      </p>
      <ActionAnnouncer id="network-announcer" />
      <div className="network-actions">
        {view.canJoin && (
          <ActionForm
            id="join"
            isAnnounced
            action={joinNetworkAction}
            hidden={{ networkId: network.id }}
            submitLabel={network.access === "OPEN" ? t("networks.page.join") : t("networks.page.requestJoin")}
            doneMessage={network.access === "OPEN" ? t("networks.page.joined") : t("networks.page.requested")}
          />
        )}
        {view.membership?.status === "PENDING" && <p>{t("networks.page.pending")}</p>}
        {view.canLeave && (
          <ActionForm
            id="leave"
            isAnnounced
            isSecondary
            action={leaveNetworkAction}
            hidden={{ networkId: network.id }}
            submitLabel={t("networks.page.leave")}
            doneMessage={t("networks.page.left")}
          />
        )}
      </div>
      {view.isMember && view.membership && (
        <FormSection form="digest" t={t} action={updateDigestAction} networkId={network.id} isSecondary>
          <fieldset>
            <legend>{t("networks.page.digestHelp")}</legend>
            {(["DAILY", "WEEKLY", "OFF"] as const).map((digest) => (
              <p key={digest}>
                <input
                  type="radio"
                  id={`digest-${digest}`}
                  name="digest"
                  value={digest}
                  defaultChecked={view.membership!.digest === digest}
                />{" "}
                <label htmlFor={`digest-${digest}`}>{t(`networks.digestOption.${digest}`)}</label>
              </p>
            ))}
          </fieldset>
        </FormSection>
      )}

      <div className="network-layout">
        <section aria-labelledby="threads">
          <h2 id="threads">{t("networks.page.threads")}</h2>
          {!view.canRead ? (
            <p>{t("networks.page.membersOnly")}</p>
          ) : view.threads.length === 0 ? (
            <p>{t("networks.page.noThreads")}</p>
          ) : (
            <ul className="card-list">
              {view.threads.map((thread) => (
                <li key={thread.id} className="card">
                  <h3 className="card-title">
                    <Link href={`/networks/${network.slug}/threads/${thread.id}`}>{thread.title}</Link>
                  </h3>
                  <p className="badges">
                    {thread.isPinned && <span className="badge">{t("networks.page.pinned")}</span>}
                    {thread.isLocked && <span className="badge">{t("networks.page.locked")}</span>}
                    {thread.isHidden && <span className="badge">{t("networks.page.hidden")}</span>}
                    {thread.hasSolution && <span className="badge">{t("networks.page.solved")}</span>}
                    {thread.newCount > 0 && (
                      <span className="badge">{t("networks.page.newPosts", { count: thread.newCount })}</span>
                    )}
                  </p>
                  <p className="network-meta">
                    {thread.author && `${t("networks.page.byAuthor", { name: thread.author })} · `}
                    {t("networks.page.replies", { count: thread.replyCount })} ·{" "}
                    {t("networks.page.lastPost", { date: formatDate(locale, thread.lastPostAt, { withTime: true }) })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            label={t("networks.pagination.label")}
            page={view.page}
            pageCount={view.pageCount}
            href={(page) => `/networks/${network.slug}?page=${page}`}
            labels={{
              previous: t("networks.pagination.previous"),
              next: t("networks.pagination.next"),
              page: t("networks.pagination.page", { page: view.page, count: view.pageCount }),
            }}
          />
          {view.canPost && (
            <section aria-labelledby="new-thread">
              <h2 id="new-thread">{t("networks.page.newThread")}</h2>
              <PostComposer
                id="new-thread-form"
                action={createThreadAction}
                hidden={{ networkId: network.id }}
                labels={composerLabels(t, { isThread: true })}
              />
            </section>
          )}
        </section>
        <NetworkSidebar
          view={view}
          locale={locale}
          t={t}
          feedUrl={view.isMember ? `${base}/api/calendar/networks/${calendarToken(actor.userId)}.ics` : null}
        />
      </div>
    </>
  );
}
