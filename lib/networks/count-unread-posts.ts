import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";

/**
 * Posts the actor has not read yet in the threads they follow, in networks where they are still
 * an active member (hidden threads excluded): the count beside "Réseaux" in the header. One query
 * along the follows' userId index; capped so that a badge never reads "12,345".
 */
export async function countUnreadNetworkPosts(actor: TActor): Promise<number> {
  const [row] = await db.$queryRaw<{ unread: number }[]>`
    SELECT LEAST(coalesce(sum(GREATEST(t."postCount" - coalesce(r."lastPosition", 0), 0)), 0), 999)::int AS unread
    FROM "NetworkThreadFollow" f
    JOIN "NetworkThread" t ON t.id = f."threadId" AND NOT t."isHidden"
    JOIN "NetworkMember" m ON m."networkId" = t."networkId" AND m."userId" = f."userId" AND m."status" = 'ACTIVE'
    LEFT JOIN "NetworkThreadRead" r ON r."threadId" = t.id AND r."userId" = f."userId"
    WHERE f."userId" = ${actor.userId}`;
  return row?.unread ?? 0;
}
