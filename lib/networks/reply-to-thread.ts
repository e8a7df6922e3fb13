import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getThreadContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { parsePostContent } from "./post-content";
import { writePost, ZAttachmentIds } from "./write-post";

export const ZReplyInput = z.object({
  threadId: z.string().min(1).max(100),
  body: z.string(),
  attachmentIds: ZAttachmentIds,
});

/**
 * A member replies. Refused to non-members (even of an open network they can read) and in a
 * locked thread; the thread's row lock orders concurrent replies (positions stay 1, 2, 3...).
 */
export async function replyToThread(actor: TActor, input: z.input<typeof ZReplyInput>, now = new Date()) {
  const parsed = ZReplyInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { threadId, body, attachmentIds } = parsed.data;
  const { context } = await getThreadContextOrThrow(actor, threadId);
  if (!context.canPost) throw networkError("FORBIDDEN", "notMember");
  const content = parsePostContent(body);
  return db.$transaction(
    async (tx) => {
      const [thread] = await tx.$queryRaw<
        { id: string; title: string; postCount: number; isLocked: boolean; networkId: string }[]
      >`
        SELECT id, title, "postCount", "isLocked", "networkId" FROM "NetworkThread" WHERE id = ${threadId} FOR UPDATE`;
      if (!thread) throw networkError("NOT_FOUND", "threadNotFound");
      if (thread.isLocked) throw networkError("CONFLICT", "threadLocked");
      // Moved meanwhile: post where the thread now is, as a member there.
      if (thread.networkId !== context.network.id) throw networkError("CONFLICT", "threadMoved");
      const post = await writePost(tx, { actor, network: context.network, thread, content, attachmentIds, now });
      return { ...post, threadId, slug: context.network.slug };
    },
    { timeout: 15_000 },
  );
}
