import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";

/** The moderation queue of a network (its moderators only): open reports, oldest first, with the post's text. */
export async function listReports(actor: TActor, input: { slug: string }) {
  const context = await getNetworkContextOrThrow(actor, { slug: input.slug });
  assertModerator(context);
  const [reports, moveTargets] = await Promise.all([
    db.networkReport.findMany({
      where: { networkId: context.network.id, status: "OPEN" },
      orderBy: { createdAt: "asc" },
      take: 100,
      select: {
        id: true,
        reason: true,
        comment: true,
        createdAt: true,
        post: {
          select: {
            id: true,
            position: true,
            bodyText: true,
            isHidden: true,
            thread: { select: { id: true, title: true } },
          },
        },
      },
    }),
    // Where this moderator may move threads: the other networks they moderate.
    db.networkMember.findMany({
      where: { userId: actor.userId, role: "MODERATOR", status: "ACTIVE", networkId: { not: context.network.id } },
      select: { network: { select: { id: true, name: true } } },
      take: 100,
    }),
  ]);
  return {
    network: context.network,
    reports: reports.map((report) => ({ ...report, excerpt: report.post.bodyText.slice(0, 300) })),
    moveTargets: moveTargets.map((row) => row.network),
  };
}
