import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getThreadContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { parsePostContent } from "./post-content";
import { canChangePost } from "./post-rights";

export const ZEditPostInput = z.object({
  postId: z.string().min(1).max(100),
  body: z.string(),
});

/**
 * The author (or a moderator of the network) rewrites a post: the earlier version is kept as a
 * revision (the edit history), the post is marked edited, its search vector follows its new text.
 * Nobody is notified again. Another network's moderator, a non-member author, a hidden post (for
 * its author) or a locked thread (for its author) are refused.
 */
export async function editPost(actor: TActor, input: z.input<typeof ZEditPostInput>, now = new Date()) {
  const parsed = ZEditPostInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { postId, body } = parsed.data;
  const content = parsePostContent(body);
  const found = await db.networkPost.findUnique({ where: { id: postId }, select: { threadId: true } });
  if (!found) throw networkError("NOT_FOUND", "postNotFound");
  const { context } = await getThreadContextOrThrow(actor, found.threadId).catch(() => {
    throw networkError("NOT_FOUND", "postNotFound");
  });
  return db.$transaction(async (tx) => {
    const [post] = await tx.$queryRaw<
      {
        id: string;
        authorId: string | null;
        isHidden: boolean;
        deletedAt: Date | null;
        body: unknown;
        position: number;
      }[]
    >`SELECT id, "authorId", "isHidden", "deletedAt", body, position FROM "NetworkPost" WHERE id = ${postId} FOR UPDATE`;
    const thread = await tx.networkThread.findUniqueOrThrow({
      where: { id: found.threadId },
      select: { isLocked: true },
    });
    if (!post) throw networkError("NOT_FOUND", "postNotFound");
    if (!canChangePost(actor.userId, context, post, thread)) throw networkError("FORBIDDEN", "cannotChangePost");
    await tx.networkPostRevision.create({
      data: { postId, body: post.body as object, editedById: actor.userId, createdAt: now },
    });
    await tx.networkPost.update({
      where: { id: postId },
      data: { body: content.doc, bodyText: content.text, editedAt: now },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.post.edited",
        entityType: "NetworkPost",
        entityId: postId,
        institutionId: context.network.institutionId,
        data: { byModerator: post.authorId !== actor.userId },
      },
    });
    return {
      href: `/networks/${context.network.slug}/threads/${found.threadId}?post=${post.position}#post-${post.position}`,
    };
  });
}
