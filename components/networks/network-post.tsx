import type { TThreadPage } from "@/lib/networks/get-thread-page";
import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import { formatDate } from "@/lib/i18n/format";
import { ActionForm } from "@/components/sessions/action-form";
import {
  deletePostAction,
  editPostAction,
  markSolutionAction,
  moderatePostAction,
  reportPostAction,
} from "@/app/networks/networks.action";
import { PostComposer } from "./post-composer";
import { composerLabels } from "./composer-labels";

type TProps = { post: TThreadPage["posts"][number]; threadId: string; locale: TLocale; t: TTranslate };

/**
 * One post: its author (only the fields they show), its HTML (rendered by the server through the
 * lessons' allowlist, so safe to insert), attachments, and what the reader may do with it.
 */
export function NetworkPost({ post, threadId, locale, t }: TProps) {
  const headingId = `post-${post.position}-heading`;
  return (
    <article
      id={`post-${post.position}`}
      aria-labelledby={headingId}
      className={post.isSolution ? "network-post network-post-solution" : "network-post"}
    >
      <h2 id={headingId} className="card-title">
        {t("networks.thread.post", { position: post.position })} —{" "}
        {post.author ? post.author.name : t("networks.thread.deletedAuthor")}
        {post.isSolution && <span className="badge"> {t("networks.thread.solution")}</span>}
      </h2>
      <p className="network-meta">
        {post.author?.handle && <>@{post.author.handle} · </>}
        {post.author?.headline && <>{post.author.headline} · </>}
        {post.author?.institution && <>{post.author.institution} · </>}
        <time dateTime={post.createdAt.toISOString()}>
          {t("networks.thread.postedOn", { date: formatDate(locale, post.createdAt, { withTime: true }) })}
        </time>
        {post.editedAt && (
          <>
            {" "}
            ·{" "}
            <time dateTime={post.editedAt.toISOString()}>
              {t("networks.thread.editedOn", { date: formatDate(locale, post.editedAt, { withTime: true }) })}
            </time>
          </>
        )}
        {post.openReports > 0 && <> · {t("networks.thread.openReports", { count: post.openReports })}</>}
      </p>
      {post.isDeleted && (
        <p className="muted">
          <em>{t("networks.thread.deletedPost")}</em>
        </p>
      )}
      {post.isHidden && !post.isDeleted && (
        <p className="muted">
          <em>{post.html ? t("networks.thread.hiddenForModerators") : t("networks.thread.hiddenPost")}</em>
        </p>
      )}
      {post.html && <div className="prose" dangerouslySetInnerHTML={{ __html: post.html }} />}
      {post.attachments.length > 0 && (
        <>
          <h3>{t("networks.thread.attachments")}</h3>
          <ul>
            {post.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/api/networks/posts/${post.id}/files/${file.id}`}>{file.fileName}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {post.revisions.length > 0 && (
        <details>
          <summary>{t("networks.thread.history", { count: post.revisions.length })}</summary>
          <ol>
            {post.revisions.map((revision) => (
              <li key={revision.id}>
                <p className="network-meta">
                  {t("networks.thread.revisionOf", {
                    date: formatDate(locale, revision.replacedAt, { withTime: true }),
                  })}
                </p>
                <div className="prose" dangerouslySetInnerHTML={{ __html: revision.html }} />
              </li>
            ))}
          </ol>
        </details>
      )}
      <div className="network-actions">
        {post.editableBody && (
          <details>
            <summary>{t("networks.thread.edit", { position: post.position })}</summary>
            <PostComposer
              id={`edit-${post.position}`}
              action={editPostAction}
              hidden={{ postId: post.id }}
              initialBody={post.editableBody}
              labels={{
                ...composerLabels(t, { isThread: false }),
                submit: t("networks.thread.editSave"),
                done: t("networks.thread.editDone"),
              }}
            />
          </details>
        )}
        {post.canDelete && (
          <ActionForm
            id={`delete-${post.position}`}
            isAnnounced
            isSecondary
            action={deletePostAction}
            hidden={{ postId: post.id }}
            submitLabel={t("networks.thread.delete", { position: post.position })}
            doneMessage={t("networks.thread.deleteDone")}
          />
        )}
        {post.canMarkSolution && !post.isSolution && (
          <ActionForm
            id={`solution-${post.position}`}
            isAnnounced
            isSecondary
            action={markSolutionAction}
            hidden={{ threadId, postId: post.id }}
            submitLabel={t("networks.thread.markSolution", { position: post.position })}
            doneMessage={t("networks.thread.solutionMarked")}
          />
        )}
        {post.canHide && (
          <ActionForm
            id={`hide-${post.position}`}
            isAnnounced
            isSecondary
            action={moderatePostAction}
            hidden={{ postId: post.id, action: post.isHidden ? "unhide" : "hide" }}
            submitLabel={
              post.isHidden
                ? t("networks.thread.unhide", { position: post.position })
                : t("networks.thread.hide", { position: post.position })
            }
            doneMessage={post.isHidden ? t("networks.thread.unhiddenDone") : t("networks.thread.hiddenDone")}
          />
        )}
        {post.isReported && <p className="muted">{t("networks.thread.alreadyReported")}</p>}
        {post.canReport && (
          <details>
            <summary>{t("networks.thread.report", { position: post.position })}</summary>
            <ActionForm
              id={`report-${post.position}`}
              isAnnounced
              action={reportPostAction}
              hidden={{ postId: post.id }}
              submitLabel={t("networks.thread.reportSend")}
              doneMessage={t("networks.thread.reported")}
            >
              <label htmlFor={`report-${post.position}-reason`}>{t("networks.thread.reportReason")}</label>
              <select id={`report-${post.position}-reason`} name="reason">
                {(["SPAM", "ABUSE", "OFF_TOPIC", "OTHER"] as const).map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`networks.reason.${reason}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={`report-${post.position}-comment`}>{t("networks.thread.reportComment")}</label>
              <textarea id={`report-${post.position}-comment`} name="comment" rows={2} maxLength={1000} />
            </ActionForm>
          </details>
        )}
      </div>
    </article>
  );
}
