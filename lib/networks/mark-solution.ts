import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getThreadContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZMarkSolutionInput = z.object({
  threadId: z.string().min(1).max(100),
  /** null: the thread has no solution any more. */
  postId: z.string().min(1).max(100).nullable(),
});

/**
 * The thread's author (still a member) or a moderator marks a reply as the solution, or clears
 * it. Not the opening post, not a hidden reply, not in a locked thread.
 */
export async function markSolution(actor: TActor, input: z.input<typeof ZMarkSolutionInput>) {
  const parsed = ZMarkSolutionInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { threadId, postId } = parsed.data;
  const { thread, context } = await getThreadContextOrThrow(actor, threadId);
  const isAuthor = context.isMember && thread.authorId === actor.userId;
  if (!isAuthor && !context.isModerator) throw networkError("FORBIDDEN", "notThreadAuthor");
  if (thread.isLocked) throw networkError("CONFLICT", "threadLocked");
  if (postId) {
    const post = await db.networkPost.findUnique({
      where: { id: postId },
      select: { threadId: true, position: true, isHidden: true },
    });
    if (!post || post.threadId !== threadId) throw networkError("NOT_FOUND", "postNotFound");
    if (post.position === 1 || post.isHidden) throw networkError("INVALID", "notASolution");
  }
  await db.$transaction(async (tx) => {
    await tx.networkThread.update({ where: { id: threadId }, data: { solutionPostId: postId } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: postId ? "network.solution.marked" : "network.solution.cleared",
        entityType: "NetworkThread",
        entityId: threadId,
        institutionId: context.network.institutionId,
        data: { postId },
      },
    });
  });
}
