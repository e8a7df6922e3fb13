import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZMoveThreadInput = z.object({
  threadId: z.string().min(1).max(100),
  toNetworkId: z.string().min(1).max(100),
});

/**
 * Moves a thread to another network: the mover must moderate both (a moderator of one network
 * cannot push content into, or pull it out of, another). Posts, reports and counters follow.
 */
export async function moveThread(actor: TActor, input: z.input<typeof ZMoveThreadInput>) {
  const parsed = ZMoveThreadInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { threadId, toNetworkId } = parsed.data;
  const thread = await db.networkThread.findUnique({ where: { id: threadId }, select: { networkId: true } });
  if (!thread) throw networkError("NOT_FOUND", "threadNotFound");
  if (thread.networkId === toNetworkId) throw networkError("INVALID", "sameNetwork");
  const from = await getNetworkContextOrThrow(actor, { id: thread.networkId });
  assertModerator(from);
  const to = await getNetworkContextOrThrow(actor, { id: toNetworkId });
  assertModerator(to);
  const now = new Date();
  return db.$transaction(async (tx) => {
    // Both networks' rows in id order: two moves in opposite directions cannot deadlock.
    await tx.$queryRaw`SELECT id FROM "Network" WHERE id IN (${thread.networkId}, ${toNetworkId}) ORDER BY id FOR UPDATE`;
    await tx.networkThread.update({ where: { id: threadId }, data: { networkId: toNetworkId } });
    await tx.networkPost.updateMany({ where: { threadId }, data: { networkId: toNetworkId } });
    await tx.networkReport.updateMany({ where: { post: { threadId } }, data: { networkId: toNetworkId } });
    await tx.network.update({ where: { id: thread.networkId }, data: { threadCount: { decrement: 1 } } });
    await tx.network.update({
      where: { id: toNetworkId },
      data: { threadCount: { increment: 1 }, lastActivityAt: now },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.thread.moved",
        entityType: "NetworkThread",
        entityId: threadId,
        institutionId: from.network.institutionId,
        data: { from: thread.networkId, to: toNetworkId },
      },
    });
    return { slug: to.network.slug };
  });
}
