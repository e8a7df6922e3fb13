import "server-only";
import { db, Prisma } from "../db";
import { createTranslator } from "../i18n/translate";
import { isLocale } from "../i18n/config";
import { notifyUsers } from "../notifications/notify-users";
import { publicUrl } from "../env";

const PERIOD_MS = { DAILY: 86_400_000, WEEKLY: 7 * 86_400_000 } as const;
const BATCH = 200;
const THREADS_PER_DIGEST = 10;

type TDue = {
  networkId: string;
  userId: string;
  digest: "DAILY" | "WEEKLY";
  since: Date;
  slug: string;
  name: string;
  locale: string;
};

/**
 * Sends the network digests that are due: a member with a daily (weekly) digest gets at most one
 * e-mail a day (a week) per network, listing the threads with posts by others since the end of
 * the previous digest (or since joining), and none when there is nothing new. Each digest is a
 * notification (the outbox: in-app, and the e-mail worker sends it), written with the member's
 * new lastDigestAt in one transaction, so a crash sends nothing twice and loses nothing. Members
 * are read in batches; networks without activity since the member's last digest are skipped in SQL.
 */
export async function sendNetworkDigests(now = new Date()): Promise<number> {
  let sent = 0;
  let after = { networkId: "", userId: "" };
  for (;;) {
    const due = await db.$queryRaw<TDue[]>(Prisma.sql`
      SELECT m."networkId", m."userId", m.digest::text AS digest,
             COALESCE(m."lastDigestAt", m."joinedAt", m."requestedAt") AS since, n.slug, n.name, u.locale
      FROM "NetworkMember" m
      JOIN "Network" n ON n.id = m."networkId"
      JOIN "User" u ON u.id = m."userId"
      WHERE m.status = 'ACTIVE' AND m.digest IN ('DAILY', 'WEEKLY')
        AND (m."networkId", m."userId") > (${after.networkId}, ${after.userId})
        AND (m."lastDigestAt" IS NULL
             OR (m.digest = 'DAILY' AND m."lastDigestAt" <= ${new Date(now.getTime() - PERIOD_MS.DAILY)})
             OR (m.digest = 'WEEKLY' AND m."lastDigestAt" <= ${new Date(now.getTime() - PERIOD_MS.WEEKLY)}))
        AND n."lastActivityAt" > COALESCE(m."lastDigestAt", m."joinedAt", m."requestedAt")
      ORDER BY m."networkId", m."userId"
      LIMIT ${BATCH}`);
    for (const member of due) if (await sendOneDigest(member, now)) sent++;
    if (due.length < BATCH) break;
    after = { networkId: due[due.length - 1]!.networkId, userId: due[due.length - 1]!.userId };
  }
  return sent;
}

async function sendOneDigest(member: TDue, now: Date): Promise<boolean> {
  const threads = await db.$queryRaw<{ id: string; title: string; posts: number; lastPosition: number }[]>(Prisma.sql`
    SELECT t.id, t.title, count(*)::int AS posts, max(p.position)::int AS "lastPosition"
    FROM "NetworkPost" p JOIN "NetworkThread" t ON t.id = p."threadId"
    WHERE p."networkId" = ${member.networkId} AND p."createdAt" > ${member.since} AND p."createdAt" <= ${now}
      AND NOT p."isHidden" AND p."deletedAt" IS NULL AND NOT t."isHidden" AND p."authorId" IS DISTINCT FROM ${member.userId}
    GROUP BY t.id, t.title
    ORDER BY max(p."createdAt") DESC
    LIMIT ${THREADS_PER_DIGEST}`);
  if (threads.length === 0) return false;
  const t = createTranslator(isLocale(member.locale) ? member.locale : "fr");
  const base = publicUrl();
  const summary = threads
    .map(
      (thread) =>
        `• ${t("networks.digest.line", { thread: thread.title, count: thread.posts })}\n  ${base}/networks/${member.slug}/threads/${thread.id}?post=${thread.lastPosition}`,
    )
    .join("\n");
  return db.$transaction(async (tx) => {
    // Another worker sent it meanwhile: the conditional update finds nothing and this one stops.
    const claimed = await tx.networkMember.updateMany({
      where: {
        networkId: member.networkId,
        userId: member.userId,
        OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: new Date(now.getTime() - PERIOD_MS[member.digest]) } }],
      },
      data: { lastDigestAt: now },
    });
    if (claimed.count === 0) return false;
    await notifyUsers(tx, {
      userIds: [member.userId],
      kind: "networkDigest",
      params: {
        network: member.name,
        count: String(threads.length),
        summary,
        // The subject's period word, in the member's language.
        comment: t(member.digest === "DAILY" ? "networks.digest.daily" : "networks.digest.weekly"),
      },
      link: `/networks/${member.slug}`,
    });
    return true;
  });
}
