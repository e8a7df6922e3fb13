import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getThreadContextOrThrow } from "./network-access";
import { networkError } from "./network-errors";

/** A member follows a thread (a notification at each reply) or stops following it. */
export async function setThreadFollow(actor: TActor, input: { threadId: string; isFollowed: boolean }) {
  const { thread, context } = await getThreadContextOrThrow(actor, input.threadId);
  if (!context.isMember) throw networkError("FORBIDDEN", "notMember");
  if (input.isFollowed)
    await db.networkThreadFollow.createMany({
      data: [{ threadId: thread.id, userId: actor.userId }],
      skipDuplicates: true,
    });
  else await db.networkThreadFollow.deleteMany({ where: { threadId: thread.id, userId: actor.userId } });
}
