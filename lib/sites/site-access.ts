import "server-only";
import type { TTransaction } from "../db";
import { localizedAppError } from "../errors/localized-error";

export async function getSiteOrThrow(tx: TTransaction, siteId: string) {
  const site = await tx.relaySite.findUnique({
    where: { id: siteId },
    select: { id: true, institutionId: true, name: true },
  });
  if (!site)
    throw localizedAppError("NOT_FOUND", "This relay site does not exist.", {
      messageKey: "errors.sites.siteNotFound",
      values: {},
    });
  return site;
}

/** Future, not cancelled sessions using a site or one of its rooms, as "title (first date)" for the refusal message. */
export async function listFutureSessionsUsing(
  tx: TTransaction,
  where: { siteId: string } | { roomId: string },
  now = new Date(),
): Promise<string[]> {
  const sessions = await tx.trainingSession.findMany({
    where: {
      status: { not: "CANCELLED" },
      slots: { some: { endsAt: { gt: now }, ...("roomId" in where ? { roomId: where.roomId } : {}) } },
      ...("siteId" in where ? { siteId: where.siteId } : {}),
    },
    select: {
      id: true,
      courseVersion: { select: { title: true } },
      slots: { orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
    },
    orderBy: { registrationDeadline: "asc" },
  });
  return sessions.map(
    (session) => `${session.courseVersion.title} (${session.slots[0]?.startsAt.toISOString().slice(0, 10) ?? "?"})`,
  );
}
