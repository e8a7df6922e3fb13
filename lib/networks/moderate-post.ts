import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZModeratePostInput = z.object({
  postId: z.string().min(1).max(100),
  action: z.enum(["hide", "unhide"]),
});

/**
 * A moderator of the post's network hides a post (its content leaves every page, search and
 * digest; its open reports are resolved) or shows it again. Hiding the opening post hides the
 * thread. Moderators of other networks are refused.
 */
export async function moderatePost(actor: TActor, input: z.input<typeof ZModeratePostInput>) {
  const parsed = ZModeratePostInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { postId, action } = parsed.data;
  const post = await db.networkPost.findUnique({
    where: { id: postId },
    select: { id: true, threadId: true, networkId: true, position: true },
  });
  if (!post) throw networkError("NOT_FOUND", "postNotFound");
  const context = await getNetworkContextOrThrow(actor, { id: post.networkId });
  assertModerator(context);
  const isHidden = action === "hide";
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.networkPost.update({
      where: { id: postId },
      data: { isHidden, hiddenById: isHidden ? actor.userId : null, hiddenAt: isHidden ? now : null },
    });
    if (post.position === 1) await tx.networkThread.update({ where: { id: post.threadId }, data: { isHidden } });
    if (isHidden) {
      await tx.networkReport.updateMany({
        where: { postId, status: "OPEN" },
        data: { status: "RESOLVED", resolvedById: actor.userId, resolvedAt: now },
      });
      // A hidden reply is no solution.
      await tx.networkThread.updateMany({
        where: { id: post.threadId, solutionPostId: postId },
        data: { solutionPostId: null },
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: `network.post.${action}`,
        entityType: "NetworkPost",
        entityId: postId,
        institutionId: context.network.institutionId,
      },
    });
  });
}
