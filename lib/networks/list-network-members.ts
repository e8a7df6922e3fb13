import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCanRead, getNetworkContextOrThrow } from "./network-access";
import { authorCard, AUTHOR_SELECT } from "./author-card";

export const MEMBERS_PER_PAGE = 50;
export const ZMembersQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined) });

/**
 * The members of a network, moderators first, each with only the profile fields they chose to
 * show (lib/networks/author-card.ts). Readers of the network see it; moderators also see the
 * pending requests. Nobody else's e-mail leaves the server unless its owner chose to show it.
 */
export async function listNetworkMembers(actor: TActor, input: { slug: string; page?: number }) {
  const context = await getNetworkContextOrThrow(actor, { slug: input.slug });
  assertCanRead(context);
  const page = input.page ?? 1;
  const where = { networkId: context.network.id, status: "ACTIVE" as const };
  const [members, total, pending] = await Promise.all([
    db.networkMember.findMany({
      where,
      orderBy: [{ role: "desc" }, { joinedAt: "asc" }, { userId: "asc" }],
      skip: (page - 1) * MEMBERS_PER_PAGE,
      take: MEMBERS_PER_PAGE,
      select: { role: true, joinedAt: true, user: { select: AUTHOR_SELECT } },
    }),
    db.networkMember.count({ where }),
    context.isModerator
      ? db.networkMember.findMany({
          where: { networkId: context.network.id, status: "PENDING" },
          orderBy: { requestedAt: "asc" },
          take: 100,
          select: { requestedAt: true, user: { select: AUTHOR_SELECT } },
        })
      : [],
  ]);
  return {
    network: context.network,
    isModerator: context.isModerator,
    canManage: context.canManage,
    page,
    pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)),
    total,
    members: members.map((member) => ({
      ...authorCard(member.user),
      role: member.role,
      joinedAt: member.joinedAt,
      isSelf: member.user.id === actor.userId,
    })),
    pending: pending.map((request) => ({ ...authorCard(request.user), requestedAt: request.requestedAt })),
  };
}
