import "server-only";
import { db, Prisma, type TTransaction } from "../db";
import { can, institutionsWhere, type TActor } from "../auth/permissions";
import { networkError } from "./network-errors";

/** The institutions an actor belongs to (their own, and those of their role memberships). */
function institutionIdsOf(actor: TActor): string[] {
  const ids = new Set<string>();
  if (actor.institutionId) ids.add(actor.institutionId);
  for (const membership of actor.memberships) if (membership.institutionId) ids.add(membership.institutionId);
  return [...ids];
}

/**
 * Which networks an actor sees (directory, search, pages): every network that is not an
 * institution's own, and the institution networks of the actor's institutions. National
 * administrators (network.manage nationally) see them all.
 */
export function networkWhereVisible(actor: TActor): Prisma.NetworkWhereInput {
  if (institutionsWhere(actor, "network.manage") === "all") return {};
  const institutionIds = institutionIdsOf(actor);
  return {
    OR: [{ institutionId: null }, ...(institutionIds.length ? [{ institutionId: { in: institutionIds } }] : [])],
  };
}

/** Networks whose threads the actor may read: visible, and open or joined (ON_REQUEST networks are for members). */
export function networkWhereReadable(actor: TActor): Prisma.NetworkWhereInput {
  return {
    AND: [
      networkWhereVisible(actor),
      { OR: [{ access: "OPEN" }, { members: { some: { userId: actor.userId, status: "ACTIVE" } } }] },
    ],
  };
}

/**
 * The same rule as networkWhereReadable in SQL, for the ranked search: `n` is the network's alias.
 * Kept next to it so that both change together (the networks tests prove them equal).
 */
export function readableNetworkSql(actor: TActor): Prisma.Sql {
  const isNational = institutionsWhere(actor, "network.manage") === "all";
  const institutionIds = institutionIdsOf(actor);
  const visible = isNational
    ? Prisma.sql`TRUE`
    : Prisma.sql`(n."institutionId" IS NULL OR n."institutionId" = ANY(${institutionIds}::text[]))`;
  return Prisma.sql`(${visible} AND (n."access" = 'OPEN' OR EXISTS (SELECT 1 FROM "NetworkMember" m
    WHERE m."networkId" = n.id AND m."userId" = ${actor.userId} AND m."status" = 'ACTIVE')))`;
}

export const NETWORK_SUMMARY = {
  id: true,
  slug: true,
  name: true,
  description: true,
  scope: true,
  access: true,
  institutionId: true,
  regionId: true,
  themeId: true,
  memberCount: true,
  threadCount: true,
  lastActivityAt: true,
} as const satisfies Prisma.NetworkSelect;

export type TNetworkSummary = Prisma.NetworkGetPayload<{ select: typeof NETWORK_SUMMARY }>;

export type TNetworkContext = {
  network: TNetworkSummary;
  membership: { role: "MEMBER" | "MODERATOR"; status: "PENDING" | "ACTIVE"; digest: "DAILY" | "WEEKLY" | "OFF" } | null;
  isMember: boolean;
  isModerator: boolean;
  canRead: boolean;
  canPost: boolean;
  /** Appoint moderators: the network's moderators, and the platform roles that manage its kind. */
  canManage: boolean;
};

/** A network the actor can see, with what they may do in it; NOT_FOUND for one they cannot see (ids reveal nothing). */
export async function getNetworkContextOrThrow(
  actor: TActor,
  where: { slug: string } | { id: string },
  client: TTransaction | typeof db = db,
): Promise<TNetworkContext> {
  const network = await client.network.findFirst({
    where: { AND: [where, networkWhereVisible(actor)] },
    select: {
      ...NETWORK_SUMMARY,
      members: { where: { userId: actor.userId }, select: { role: true, status: true, digest: true } },
    },
  });
  if (!network) throw networkError("NOT_FOUND", "networkNotFound");
  const { members, ...summary } = network;
  const membership = members[0] ?? null;
  const isMember = membership?.status === "ACTIVE";
  const isModerator = isMember && membership.role === "MODERATOR";
  return {
    network: summary,
    membership,
    isMember,
    isModerator,
    canRead: isMember || summary.access === "OPEN",
    canPost: isMember,
    canManage: isModerator || can(actor, "network.manage", { institutionId: summary.institutionId }),
  };
}

/** Moderation is the network's own: its moderators, nobody else (a moderator elsewhere gets FORBIDDEN). */
export function assertModerator(context: TNetworkContext): void {
  if (!context.isModerator) throw networkError("FORBIDDEN", "notModerator");
}

export function assertCanRead(context: TNetworkContext): void {
  if (!context.canRead) throw networkError("FORBIDDEN", "membersOnly");
}

/** A thread the actor may read, with its network's context; NOT_FOUND otherwise (hidden threads: moderators only). */
export async function getThreadContextOrThrow(actor: TActor, threadId: string, client: TTransaction | typeof db = db) {
  const thread = await client.networkThread.findUnique({
    where: { id: threadId },
    select: {
      id: true,
      networkId: true,
      authorId: true,
      title: true,
      isPinned: true,
      isLocked: true,
      isHidden: true,
      solutionPostId: true,
      postCount: true,
      lastPostAt: true,
      createdAt: true,
    },
  });
  if (!thread) throw networkError("NOT_FOUND", "threadNotFound");
  const context = await getNetworkContextOrThrow(actor, { id: thread.networkId }, client).catch(() => {
    throw networkError("NOT_FOUND", "threadNotFound");
  });
  if (!context.canRead || (thread.isHidden && !context.isModerator)) throw networkError("NOT_FOUND", "threadNotFound");
  return { thread, context };
}
