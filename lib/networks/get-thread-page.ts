import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getThreadContextOrThrow } from "./network-access";
import { renderPostHtml } from "./render-post-html";
import { authorCard, AUTHOR_SELECT } from "./author-card";
import { canChangePost } from "./post-rights";

export const POSTS_PER_PAGE = 25;
export const ZThreadPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  post: z.coerce.number().int().min(1).max(10_000_000).optional(),
});

/**
 * A page of a thread for a reader: the posts numbered (page - 1) × 25 + 1 to page × 25, read
 * along the (threadId, position) index whatever the page (no OFFSET scan on a thread of 1,000
 * replies). Hidden posts show as such, their content to moderators only. `post` opens the page
 * holding that post (links from notifications). The reader's progress is recorded.
 */
export async function getThreadPage(actor: TActor, input: { threadId: string; page?: number; post?: number }) {
  const { thread, context } = await getThreadContextOrThrow(actor, input.threadId);
  const pageCount = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const wanted = input.post ? Math.ceil(input.post / POSTS_PER_PAGE) : (input.page ?? 1);
  const page = Math.min(Math.max(1, wanted), pageCount);
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  const [posts, follow, reported] = await Promise.all([
    db.networkPost.findMany({
      where: { threadId: thread.id, position: { gte: first, lt: first + POSTS_PER_PAGE } },
      orderBy: { position: "asc" },
      select: {
        id: true,
        position: true,
        body: true,
        isHidden: true,
        createdAt: true,
        editedAt: true,
        deletedAt: true,
        authorId: true,
        revisions: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, body: true, createdAt: true } },
        attachments: { select: { file: { select: { id: true, fileName: true, sizeBytes: true } } } },
        ...(context.isModerator ? { _count: { select: { reports: { where: { status: "OPEN" } } } } } : {}),
      },
    }),
    db.networkThreadFollow.findUnique({
      where: { threadId_userId: { threadId: thread.id, userId: actor.userId } },
      select: { userId: true },
    }),
    db.networkReport.findMany({
      where: {
        reporterId: actor.userId,
        post: { threadId: thread.id, position: { gte: first, lt: first + POSTS_PER_PAGE } },
      },
      select: { postId: true },
    }),
  ]);
  const authorIds = [...new Set(posts.map((post) => post.authorId).filter((id): id is string => Boolean(id)))];
  const authors = new Map(
    (await db.user.findMany({ where: { id: { in: authorIds } }, select: AUTHOR_SELECT })).map((user) => [
      user.id,
      authorCard(user),
    ]),
  );
  const solution =
    thread.solutionPostId && !posts.some((post) => post.id === thread.solutionPostId)
      ? await db.networkPost.findUnique({
          where: { id: thread.solutionPostId },
          select: { position: true, isHidden: true },
        })
      : null;
  const reportedIds = new Set(reported.map((row) => row.postId));
  const isOpen = !thread.isLocked && !thread.isHidden;
  if (context.isMember && posts.length) {
    const last = posts[posts.length - 1]!.position;
    await db.$executeRaw`
      INSERT INTO "NetworkThreadRead" ("threadId", "userId", "lastPosition", "readAt")
      VALUES (${thread.id}, ${actor.userId}, ${last}, now())
      ON CONFLICT ("threadId", "userId") DO UPDATE
      SET "lastPosition" = GREATEST("NetworkThreadRead"."lastPosition", EXCLUDED."lastPosition"), "readAt" = now()`;
  }
  const canDecideSolution = context.isModerator || (context.isMember && thread.authorId === actor.userId);
  return {
    network: context.network,
    thread: { ...thread, isFollowed: Boolean(follow) },
    page,
    pageCount,
    solutionPosition:
      posts.find((post) => post.id === thread.solutionPostId)?.position ??
      (solution && !solution.isHidden ? solution.position : null),
    posts: posts.map((post) => {
      const canSeeContent = !post.deletedAt && (!post.isHidden || context.isModerator);
      const canChange = canChangePost(actor.userId, context, post, thread);
      return {
        id: post.id,
        position: post.position,
        createdAt: post.createdAt,
        isHidden: post.isHidden,
        isDeleted: Boolean(post.deletedAt),
        editedAt: post.editedAt,
        /** The edit history: shown to the author and the moderators only. */
        revisions:
          canSeeContent && (context.isModerator || post.authorId === actor.userId)
            ? post.revisions.map((revision) => ({
                id: revision.id,
                replacedAt: revision.createdAt,
                html: renderPostHtml(revision.body),
              }))
            : [],
        /** The body as the editor opens it (JSON), for those who may edit it. */
        editableBody: canChange ? JSON.stringify(post.body) : null,
        canDelete: canChange,
        isSolution: post.id === thread.solutionPostId,
        author: post.authorId ? (authors.get(post.authorId) ?? null) : null,
        html: canSeeContent ? renderPostHtml(post.body) : null,
        attachments: canSeeContent ? post.attachments.map((row) => row.file) : [],
        openReports: (post as { _count?: { reports: number } })._count?.reports ?? 0,
        canMarkSolution: canDecideSolution && isOpen && post.position > 1 && !post.isHidden && !post.deletedAt,
        canReport:
          context.isMember &&
          post.authorId !== actor.userId &&
          !reportedIds.has(post.id) &&
          !post.isHidden &&
          !post.deletedAt,
        isReported: reportedIds.has(post.id),
        canHide: context.isModerator && !post.deletedAt,
      };
    }),
    canReply: context.canPost && isOpen,
    isLockedForMe: thread.isLocked,
    canFollow: context.isMember,
    isModerator: context.isModerator,
    isMember: context.isMember,
  };
}

export type TThreadPage = Awaited<ReturnType<typeof getThreadPage>>;
