import "server-only";
import { z } from "zod";
import { db, type Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import { networkWhereVisible, NETWORK_SUMMARY } from "./network-access";
import { cleanText } from "./post-content";

export const NETWORKS_PER_PAGE = 30;
export const ZNetworkDirectoryQuery = z.object({
  scope: z.enum(["NATIONAL", "REGIONAL", "THEMATIC", "INSTITUTION"]).optional().catch(undefined),
  q: z.string().transform(cleanText).pipe(z.string().trim().max(100)).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** The directory: the networks the actor sees (by kind, by name), most active first; and the actor's own. */
export async function listNetworks(actor: TActor, query: z.output<typeof ZNetworkDirectoryQuery>) {
  const page = query.page ?? 1;
  const where: Prisma.NetworkWhereInput = {
    AND: [
      networkWhereVisible(actor),
      query.scope ? { scope: query.scope } : {},
      query.q ? { name: { contains: query.q, mode: "insensitive" } } : {},
    ],
  };
  const [networks, total, mine] = await Promise.all([
    db.network.findMany({
      where,
      orderBy: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip: (page - 1) * NETWORKS_PER_PAGE,
      take: NETWORKS_PER_PAGE,
      select: { ...NETWORK_SUMMARY, region: { select: { nameFr: true, nameEn: true } } },
    }),
    db.network.count({ where }),
    db.networkMember.findMany({
      where: { userId: actor.userId },
      orderBy: { requestedAt: "desc" },
      take: 100,
      select: {
        status: true,
        role: true,
        digest: true,
        network: { select: { slug: true, name: true, scope: true, lastActivityAt: true } },
      },
    }),
  ]);
  return { networks, total, page, pageCount: Math.max(1, Math.ceil(total / NETWORKS_PER_PAGE)), mine };
}
