import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getTranslator } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors/app-error";
import type { TMessageKey } from "@/lib/i18n/translate";
import { getThreadPage, ZThreadPageQuery } from "@/lib/networks/get-thread-page";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { Pagination } from "@/components/networks/pagination";
import { PostComposer } from "@/components/networks/post-composer";
import { composerLabels } from "@/components/networks/composer-labels";
import { NetworkPost } from "@/components/networks/network-post";
import { followThreadAction, markSolutionAction, moderateThreadAction, replyAction } from "../../../networks.action";
import "@/components/networks/networks.css";
import { PageBreadcrumb } from "@/components/layout/page-breadcrumb";

export const metadata: Metadata = { title: "Discussion" };

export default async function ThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; threadId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug, threadId } = await params;
  const actor = await requirePagePermission("network.participate");
  const { locale, t } = await getTranslator();
  const query = ZThreadPageQuery.safeParse(await searchParams);
  const view = await getThreadPage(actor, { threadId, ...(query.success ? query.data : {}) }).catch(
    (error: unknown) => {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      throw error;
    },
  );
  // A thread moved to another network keeps working from old links.
  if (view.network.slug !== slug) redirect(`/networks/${view.network.slug}/threads/${threadId}`);
  const { thread, network } = view;
  const pageHref = (page: number) => `/networks/${network.slug}/threads/${thread.id}?page=${page}`;
  const pagination = (
    <Pagination
      label={t("networks.pagination.label")}
      page={view.page}
      pageCount={view.pageCount}
      href={pageHref}
      labels={{
        previous: t("networks.pagination.previous"),
        next: t("networks.pagination.next"),
        page: t("networks.pagination.page", { page: view.page, count: view.pageCount }),
      }}
    />
  );
  return (
    <>
      <PageBreadcrumb
        segments={[
          { label: t("networks.title"), href: "/networks" },
          { label: network.name, href: `/networks/${network.slug}` },
        ]}
        current={thread.title}
      />
      <h1>{thread.title}</h1>
      <p className="badges">
        {thread.isPinned && <span className="badge">{t("networks.page.pinned")}</span>}
        {thread.isLocked && <span className="badge">{t("networks.page.locked")}</span>}
        {thread.isHidden && <span className="badge">{t("networks.page.hidden")}</span>}
        {view.solutionPosition && (
          <a className="badge" href={`?post=${view.solutionPosition}#post-${view.solutionPosition}`}>
            {t("networks.thread.solutionLink", { position: view.solutionPosition })}
          </a>
        )}
      </p>
      <ActionAnnouncer id="thread-announcer" />
      <div className="network-actions">
        {view.canFollow && (
          <ActionForm
            id="follow"
            isAnnounced
            isSecondary
            action={followThreadAction}
            hidden={{ threadId: thread.id, follow: thread.isFollowed ? "false" : "true" }}
            submitLabel={thread.isFollowed ? t("networks.thread.unfollow") : t("networks.thread.follow")}
            doneMessage={thread.isFollowed ? t("networks.thread.unfollowed") : t("networks.thread.followed")}
          />
        )}
        {view.solutionPosition && view.posts.some((post) => post.canMarkSolution) && (
          <ActionForm
            id="clear-solution"
            isAnnounced
            isSecondary
            action={markSolutionAction}
            hidden={{ threadId: thread.id }}
            submitLabel={t("networks.thread.clearSolution")}
            doneMessage={t("networks.thread.solutionCleared")}
          />
        )}
      </div>
      {view.isModerator && (
        <section aria-labelledby="thread-moderation">
          <h2 id="thread-moderation">{t("networks.thread.moderation")}</h2>
          <div className="network-actions">
            {(
              [
                thread.isLocked ? ["unlock", "networks.thread.unlock"] : ["lock", "networks.thread.lock"],
                thread.isPinned ? ["unpin", "networks.thread.unpin"] : ["pin", "networks.thread.pin"],
                thread.isHidden ? ["unhide", "networks.thread.unhideThread"] : ["hide", "networks.thread.hideThread"],
              ] satisfies [string, TMessageKey][]
            ).map(([action, label]) => (
              <ActionForm
                key={action}
                id={`thread-${action}`}
                isAnnounced
                isSecondary
                action={moderateThreadAction}
                hidden={{ threadId: thread.id, action }}
                submitLabel={t(label)}
                doneMessage={t("networks.thread.moderated")}
              />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="posts">
        <h2 id="posts" className="visually-hidden">
          {t("networks.thread.posts")}
        </h2>
        {pagination}
        <ol className="network-posts">
          {view.posts.map((post) => (
            <li key={post.id}>
              <NetworkPost post={post} threadId={thread.id} locale={locale} t={t} />
            </li>
          ))}
        </ol>
        {pagination}
      </section>
      <section aria-labelledby="reply">
        <h2 id="reply">{t("networks.thread.reply")}</h2>
        {view.canReply ? (
          <PostComposer
            id="reply-form"
            action={replyAction}
            hidden={{ threadId: thread.id }}
            labels={composerLabels(t, { isThread: false })}
          />
        ) : (
          <p>{view.isLockedForMe ? t("networks.thread.locked") : t("networks.thread.notMember")}</p>
        )}
      </section>
    </>
  );
}
