import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { notifyUsers } from "../notifications/notify-users";
import { getThreadContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText } from "./post-content";

export const ZReportInput = z.object({
  postId: z.string().min(1).max(100),
  reason: z.enum(["SPAM", "ABUSE", "OFF_TOPIC", "OTHER"]),
  comment: z.string().transform(cleanText).pipe(z.string().trim().max(1000)).default(""),
});

/** A member reports a post to the network's moderators (once per post and person); they are told. */
export async function reportPost(actor: TActor, input: z.input<typeof ZReportInput>) {
  const parsed = ZReportInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { postId, reason, comment } = parsed.data;
  const post = await db.networkPost.findUnique({
    where: { id: postId },
    select: { threadId: true, authorId: true, position: true },
  });
  if (!post) throw networkError("NOT_FOUND", "postNotFound");
  const { thread, context } = await getThreadContextOrThrow(actor, post.threadId);
  if (!context.isMember) throw networkError("FORBIDDEN", "notMember");
  if (post.authorId === actor.userId) throw networkError("INVALID", "cannotReportOwn");
  await db.$transaction(async (tx) => {
    const created = await tx.networkReport.createMany({
      data: [{ postId, networkId: context.network.id, reporterId: actor.userId, reason, comment }],
      skipDuplicates: true,
    });
    if (created.count === 0) throw networkError("CONFLICT", "alreadyReported");
    const moderators = await tx.networkMember.findMany({
      where: { networkId: context.network.id, role: "MODERATOR", status: "ACTIVE", userId: { not: actor.userId } },
      select: { userId: true },
    });
    await notifyUsers(tx, {
      userIds: moderators.map((row) => row.userId),
      kind: "networkReport",
      params: { network: context.network.name, thread: thread.title },
      link: `/networks/${context.network.slug}/moderation`,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.post.reported",
        entityType: "NetworkPost",
        entityId: postId,
        institutionId: context.network.institutionId,
        data: { reason },
      },
    });
  });
}
