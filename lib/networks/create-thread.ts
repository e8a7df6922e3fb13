import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText, parsePostContent } from "./post-content";
import { writePost, ZAttachmentIds } from "./write-post";

export const ZCreateThreadInput = z.object({
  networkId: z.string().min(1).max(100),
  title: z.string().transform(cleanText).pipe(z.string().trim().min(3).max(200)),
  body: z.string(),
  attachmentIds: ZAttachmentIds,
});

/** A member opens a thread: its title and first post, in one transaction (rate-limited like every post). */
export async function createThread(actor: TActor, input: z.input<typeof ZCreateThreadInput>, now = new Date()) {
  const parsed = ZCreateThreadInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { networkId, title, body, attachmentIds } = parsed.data;
  const context = await getNetworkContextOrThrow(actor, { id: networkId });
  if (!context.canPost) throw networkError("FORBIDDEN", "notMember");
  const content = parsePostContent(body);
  const { network } = context;
  return db.$transaction(
    async (tx) => {
      const thread = await tx.networkThread.create({
        data: { networkId, authorId: actor.userId, title, lastPostAt: now, createdAt: now },
        select: { id: true, title: true, postCount: true },
      });
      await tx.network.update({ where: { id: networkId }, data: { threadCount: { increment: 1 } } });
      await writePost(tx, { actor, network, thread, content, attachmentIds, now });
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "network.thread.created",
          entityType: "NetworkThread",
          entityId: thread.id,
          institutionId: network.institutionId,
          data: { networkId },
        },
      });
      return { id: thread.id, slug: network.slug };
    },
    { timeout: 15_000 },
  );
}
