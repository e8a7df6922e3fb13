import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { notifyUsers } from "../notifications/notify-users";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZDecideMembershipInput = z.object({
  networkId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  decision: z.enum(["approve", "refuse"]),
});

/** A moderator of this network approves or refuses a request to join it; the person is told. */
export async function decideMembership(actor: TActor, input: z.input<typeof ZDecideMembershipInput>) {
  const parsed = ZDecideMembershipInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { networkId, userId, decision } = parsed.data;
  const context = await getNetworkContextOrThrow(actor, { id: networkId });
  assertModerator(context);
  const { network } = context;
  await db.$transaction(async (tx) => {
    const pending = await tx.networkMember.findUnique({
      where: { networkId_userId: { networkId, userId } },
      select: { status: true },
    });
    if (!pending || pending.status !== "PENDING") throw networkError("CONFLICT", "noPendingRequest");
    if (decision === "approve") {
      await tx.networkMember.update({
        where: { networkId_userId: { networkId, userId } },
        data: { status: "ACTIVE", joinedAt: new Date() },
      });
      await tx.network.update({ where: { id: networkId }, data: { memberCount: { increment: 1 } } });
    } else await tx.networkMember.delete({ where: { networkId_userId: { networkId, userId } } });
    await notifyUsers(tx, {
      userIds: [userId],
      kind: decision === "approve" ? "networkJoinApproved" : "networkJoinRefused",
      params: { network: network.name },
      link: `/networks/${network.slug}`,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: decision === "approve" ? "network.member.approved" : "network.member.refused",
        entityType: "Network",
        entityId: networkId,
        institutionId: network.institutionId,
        data: { userId },
      },
    });
  });
}
