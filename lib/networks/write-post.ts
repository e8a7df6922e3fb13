import "server-only";
import { z } from "zod";
import type { TTransaction } from "../db";
import type { TActor } from "../auth/permissions";
import { notifyUsers } from "../notifications/notify-users";
import { assertPostingAllowed } from "./rate-limit";
import { networkError } from "./network-errors";
import type { TPostContent } from "./post-content";

export const MAX_ATTACHMENTS = 5;
export const ZAttachmentIds = z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS).default([]);

/**
 * Writes one post inside the caller's transaction, which holds the thread's row lock: the rate
 * limit, the next position, the attachments (the author's own uploaded documents only), the
 * author's follow, the network's last activity, and the notifications — mentioned members of the
 * network, and the thread's followers — all in the same commit.
 */
export async function writePost(
  tx: TTransaction,
  options: {
    actor: TActor;
    network: { id: string; slug: string; name: string };
    thread: { id: string; title: string; postCount: number };
    content: TPostContent;
    attachmentIds: string[];
    now?: Date;
  },
) {
  const { actor, network, thread, content } = options;
  const now = options.now ?? new Date();
  await assertPostingAllowed(actor.userId);
  const fileIds = [...new Set(options.attachmentIds)];
  if (fileIds.length) {
    const own = await tx.storedFile.count({
      where: { id: { in: fileIds }, createdById: actor.userId, storagePath: { startsWith: "files/" } },
    });
    if (own !== fileIds.length) throw networkError("INVALID", "attachmentNotYours");
  }
  const position = thread.postCount + 1;
  const post = await tx.networkPost.create({
    data: {
      threadId: thread.id,
      networkId: network.id,
      authorId: actor.userId,
      position,
      body: content.doc,
      bodyText: content.text,
      createdAt: now,
      attachments: fileIds.length ? { create: fileIds.map((fileId) => ({ fileId })) } : undefined,
    },
    select: { id: true, position: true },
  });
  await tx.networkThread.update({ where: { id: thread.id }, data: { postCount: position, lastPostAt: now } });
  await tx.network.update({ where: { id: network.id }, data: { lastActivityAt: now } });
  await tx.networkThreadFollow.createMany({
    data: [{ threadId: thread.id, userId: actor.userId }],
    skipDuplicates: true,
  });
  await tx.networkThreadRead.upsert({
    where: { threadId_userId: { threadId: thread.id, userId: actor.userId } },
    create: { threadId: thread.id, userId: actor.userId, lastPosition: position },
    update: { lastPosition: position, readAt: now },
  });
  const link = `/networks/${network.slug}/threads/${thread.id}?post=${position}#post-${position}`;
  const mentioned = content.mentions.length
    ? await tx.networkMember.findMany({
        where: {
          networkId: network.id,
          status: "ACTIVE",
          userId: { not: actor.userId },
          user: { networkProfile: { handle: { in: content.mentions } } },
        },
        select: { userId: true },
      })
    : [];
  const mentionedIds = new Set(mentioned.map((row) => row.userId));
  const params = { network: network.name, thread: thread.title, agent: actor.name };
  await notifyUsers(tx, { userIds: [...mentionedIds], kind: "networkMention", params, link });
  if (position > 1) {
    // Followers who still belong to the network (leaving unfollows), minus the author and the mentioned.
    const followers = await tx.networkThreadFollow.findMany({
      where: {
        threadId: thread.id,
        userId: { notIn: [actor.userId, ...mentionedIds] },
      },
      select: { userId: true },
      take: 5000,
    });
    await notifyUsers(tx, { userIds: followers.map((row) => row.userId), kind: "networkReply", params, link });
  }
  return post;
}
