import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getNetworkContextOrThrow } from "./network-access";
import { networkError } from "./network-errors";

/**
 * Leaves a network (or withdraws a request). The last moderator cannot leave a network that
 * still has members: it would be left without anyone to moderate it.
 */
export async function leaveNetwork(actor: TActor, input: { networkId: string }) {
  const { network, membership } = await getNetworkContextOrThrow(actor, { id: input.networkId });
  if (!membership) return;
  await db.$transaction(async (tx) => {
    // Serialises leaving with the other members' changes (last-moderator rule).
    await tx.$queryRaw`SELECT id FROM "Network" WHERE id = ${network.id} FOR UPDATE`;
    if (membership.role === "MODERATOR" && membership.status === "ACTIVE") {
      const [moderators, members] = await Promise.all([
        tx.networkMember.count({ where: { networkId: network.id, role: "MODERATOR", status: "ACTIVE" } }),
        tx.networkMember.count({ where: { networkId: network.id, status: "ACTIVE" } }),
      ]);
      if (moderators <= 1 && members > 1) throw networkError("CONFLICT", "lastModerator");
    }
    const { count } = await tx.networkMember.deleteMany({ where: { networkId: network.id, userId: actor.userId } });
    if (count && membership.status === "ACTIVE")
      await tx.network.update({ where: { id: network.id }, data: { memberCount: { decrement: 1 } } });
    await tx.networkThreadFollow.deleteMany({ where: { userId: actor.userId, thread: { networkId: network.id } } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.left",
        entityType: "Network",
        entityId: network.id,
        institutionId: network.institutionId,
      },
    });
  });
}
