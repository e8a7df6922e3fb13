import "server-only";
import type { TTransaction } from "../db";
import { revokeCertificates } from "../certificates/revoke-certificates";
import { recomputeEnrolmentProgress } from "../learning/recompute-enrolment-progress";

/**
 * After a session's attendance changed for some agents, in the caller's transaction:
 * their enrolments in the course are recomputed (a withdrawal may undo a completion and revoke
 * its certificate of achievement), and their attendance certificates of this session, which
 * state hours that are no longer true, are revoked (a new one, with the right hours, is issued
 * on the next request). The indicators read these rows at their next refresh.
 */
export async function applyAttendanceChange(
  tx: TTransaction,
  options: { sessionId: string; courseId: string; userIds: string[]; actorId: string | null; reason: string },
): Promise<void> {
  if (options.userIds.length === 0) return;
  await revokeCertificates(tx, {
    where: { kind: "ATTENDANCE", sessionId: options.sessionId, userId: { in: options.userIds } },
    actorId: options.actorId,
    reason: options.reason,
  });
  const enrolments = await tx.enrolment.findMany({
    where: { courseId: options.courseId, userId: { in: options.userIds }, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { id: true },
  });
  for (const enrolment of enrolments)
    await recomputeEnrolmentProgress(tx, enrolment.id, {
      isWithdrawal: true,
      actorId: options.actorId,
      reason: options.reason,
    });
}
