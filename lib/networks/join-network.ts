import "server-only";
import { db } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { notifyUsers } from "../notifications/notify-users";
import { getNetworkContextOrThrow } from "./network-access";
import { ensureNetworkProfile } from "./network-profile";
import { networkError } from "./network-errors";

/**
 * Joins an open network at once, or asks to join one on request (its moderators are told).
 * Joining twice returns the existing membership.
 */
export async function joinNetwork(actor: TActor, input: { networkId: string }) {
  assertCan(actor, "network.participate");
  const context = await getNetworkContextOrThrow(actor, { id: input.networkId });
  if (context.membership) return { status: context.membership.status };
  const { network } = context;
  const status = network.access === "OPEN" ? ("ACTIVE" as const) : ("PENDING" as const);
  return db.$transaction(async (tx) => {
    const profile = await ensureNetworkProfile(tx, actor.userId);
    const created = await tx.networkMember.createMany({
      data: [
        { networkId: network.id, userId: actor.userId, status, joinedAt: status === "ACTIVE" ? new Date() : null },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) throw networkError("CONFLICT", "alreadyMember");
    if (status === "ACTIVE")
      await tx.network.update({ where: { id: network.id }, data: { memberCount: { increment: 1 } } });
    else {
      const moderators = await tx.networkMember.findMany({
        where: { networkId: network.id, role: "MODERATOR", status: "ACTIVE" },
        select: { userId: true },
      });
      await notifyUsers(tx, {
        userIds: moderators.map((row) => row.userId),
        kind: "networkJoinRequested",
        params: { network: network.name, agent: actor.name, handle: profile.handle },
        link: `/networks/${network.slug}/members`,
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: status === "ACTIVE" ? "network.joined" : "network.joinRequested",
        entityType: "Network",
        entityId: network.id,
        institutionId: network.institutionId,
      },
    });
    return { status };
  });
}
