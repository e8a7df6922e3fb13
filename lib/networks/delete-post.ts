import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getThreadContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { canChangePost } from "./post-rights";

export const ZDeletePostInput = z.object({ postId: z.string().min(1).max(100) });

const EMPTY_DOC = { type: "doc", content: [] };

/**
 * The author (or a moderator of the network) deletes a post: its content, attachments and edit
 * history are erased, its number stays ("message supprimé") so that later links still hold; it is
 * no longer the solution and its open reports are closed. The opening post's deletion leaves the
 * thread and its replies.
 */
export async function deletePost(actor: TActor, input: z.input<typeof ZDeletePostInput>, now = new Date()) {
  const parsed = ZDeletePostInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { postId } = parsed.data;
  const found = await db.networkPost.findUnique({ where: { id: postId }, select: { threadId: true } });
  if (!found) throw networkError("NOT_FOUND", "postNotFound");
  const { context } = await getThreadContextOrThrow(actor, found.threadId).catch(() => {
    throw networkError("NOT_FOUND", "postNotFound");
  });
  await db.$transaction(async (tx) => {
    const [post] = await tx.$queryRaw<
      { id: string; authorId: string | null; isHidden: boolean; deletedAt: Date | null }[]
    >`SELECT id, "authorId", "isHidden", "deletedAt" FROM "NetworkPost" WHERE id = ${postId} FOR UPDATE`;
    const thread = await tx.networkThread.findUniqueOrThrow({
      where: { id: found.threadId },
      select: { isLocked: true },
    });
    if (!post) throw networkError("NOT_FOUND", "postNotFound");
    if (!canChangePost(actor.userId, context, post, thread)) throw networkError("FORBIDDEN", "cannotChangePost");
    await tx.networkPost.update({
      where: { id: postId },
      data: { body: EMPTY_DOC, bodyText: "", deletedAt: now, deletedById: actor.userId },
    });
    await tx.networkPostRevision.deleteMany({ where: { postId } });
    await tx.networkAttachment.deleteMany({ where: { postId } });
    await tx.networkThread.updateMany({
      where: { id: found.threadId, solutionPostId: postId },
      data: { solutionPostId: null },
    });
    await tx.networkReport.updateMany({
      where: { postId, status: "OPEN" },
      data: { status: "RESOLVED", resolvedById: actor.userId, resolvedAt: now },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.post.deleted",
        entityType: "NetworkPost",
        entityId: postId,
        institutionId: context.network.institutionId,
        data: { byModerator: post.authorId !== actor.userId },
      },
    });
  });
}
