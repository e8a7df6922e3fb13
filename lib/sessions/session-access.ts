import "server-only";
import type { TTransaction } from "../db";
import type { TResource } from "../auth/permissions";
import { AppError } from "../errors/app-error";

/** What a session is, for the permission table: its relay site and the institution of its course. */
export function sessionResource(session: { siteId: string; course: { institutionId: string } }): TResource {
  return { relaySiteId: session.siteId, institutionId: session.course.institutionId };
}

export async function getSessionOrThrow(tx: TTransaction, sessionId: string) {
  const session = await tx.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      siteId: true,
      capacity: true,
      status: true,
      registrationDeadline: true,
      priorityUntil: true,
      courseId: true,
      course: {
        select: {
          institutionId: true,
          requiresApproval: true,
          approvalChain: true,
          requiresOnlineBeforeSession: true,
          slug: true,
        },
      },
      courseVersion: { select: { title: true, titleEn: true } },
      site: { select: { name: true, latitude: true, longitude: true, institution: { select: { timeZone: true } } } },
      slots: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true } },
    },
  });
  if (!session) throw new AppError("NOT_FOUND", "This session does not exist.");
  return session;
}

/**
 * Locks the session row until the transaction ends: every change to its seats (register, cancel,
 * approve, offer, accept) goes through this lock, so two requests for the last seat are serialized
 * and the second one sees the first one's seat taken.
 */
export async function lockSession(tx: TTransaction, sessionId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "TrainingSession" WHERE id = ${sessionId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "This session does not exist.");
}

/** Statuses that hold a seat: pending approval and open offers keep their seat until decided. */
export const SEAT_HOLDING_STATUSES = ["CONFIRMED", "PENDING_APPROVAL", "OFFERED"] as const;
