import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";

export const ZSetMemberRoleInput = z.object({
  networkId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  role: z.enum(["MEMBER", "MODERATOR"]),
});

/**
 * Appoints a member moderator of this network, or makes a moderator a member again: the
 * network's moderators, or the platform role that manages this kind of network (network.manage).
 */
export async function setMemberRole(actor: TActor, input: z.input<typeof ZSetMemberRoleInput>) {
  const parsed = ZSetMemberRoleInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { networkId, userId, role } = parsed.data;
  const context = await getNetworkContextOrThrow(actor, { id: networkId });
  if (!context.canManage) throw networkError("FORBIDDEN", "notModerator");
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Network" WHERE id = ${networkId} FOR UPDATE`;
    const member = await tx.networkMember.findUnique({
      where: { networkId_userId: { networkId, userId } },
      select: { status: true, role: true },
    });
    if (!member || member.status !== "ACTIVE") throw networkError("NOT_FOUND", "memberNotFound");
    if (member.role === "MODERATOR" && role === "MEMBER") {
      const moderators = await tx.networkMember.count({ where: { networkId, role: "MODERATOR", status: "ACTIVE" } });
      if (moderators <= 1) throw networkError("CONFLICT", "lastModerator");
    }
    await tx.networkMember.update({ where: { networkId_userId: { networkId, userId } }, data: { role } });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.member.role",
        entityType: "Network",
        entityId: networkId,
        institutionId: context.network.institutionId,
        data: { userId, role },
      },
    });
  });
}
