import "server-only";
import type { TTransaction } from "../db";
import { recomputeEnrolmentProgress } from "../learning/recompute-enrolment-progress";

/**
 * After attendance changed (roll call, check-in, session done): the agents' active enrolments in
 * the course are recomputed, since attended hours count toward completion. Runs in the caller's
 * transaction so the completion and its certificate commit with the attendance.
 */
export async function recomputeAttendedProgress(
  tx: TTransaction,
  options: { courseId: string; userIds: string[] },
): Promise<void> {
  if (options.userIds.length === 0) return;
  const enrolments = await tx.enrolment.findMany({
    where: { courseId: options.courseId, userId: { in: options.userIds }, status: "ACTIVE" },
    select: { id: true },
  });
  for (const enrolment of enrolments) await recomputeEnrolmentProgress(tx, enrolment.id);
}
