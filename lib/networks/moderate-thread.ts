import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZModerateThreadInput = z.object({
  threadId: z.string().min(1).max(100),
  action: z.enum(["lock", "unlock", "pin", "unpin", "hide", "unhide"]),
});

const CHANGES = {
  lock: { isLocked: true },
  unlock: { isLocked: false },
  pin: { isPinned: true },
  unpin: { isPinned: false },
  hide: { isHidden: true },
  unhide: { isHidden: false },
} as const;

/** A moderator of the thread's network locks, pins or hides it (or undoes it); nobody else. */
export async function moderateThread(actor: TActor, input: z.input<typeof ZModerateThreadInput>) {
  const parsed = ZModerateThreadInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { threadId, action } = parsed.data;
  const thread = await db.networkThread.findUnique({ where: { id: threadId }, select: { networkId: true } });
  if (!thread) throw networkError("NOT_FOUND", "threadNotFound");
  const context = await getNetworkContextOrThrow(actor, { id: thread.networkId });
  assertModerator(context);
  await db.$transaction(async (tx) => {
    await tx.networkThread.update({ where: { id: threadId }, data: CHANGES[action] });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: `network.thread.${action}`,
        entityType: "NetworkThread",
        entityId: threadId,
        institutionId: context.network.institutionId,
      },
    });
  });
}
