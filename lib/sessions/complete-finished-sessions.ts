import "server-only";
import { db } from "../db";
import { recomputeAttendedProgress } from "./recompute-attended-progress";
import { issueAttendanceCertificate } from "./issue-attendance-certificate";

const NOT_FINISHED = ["PLANNED", "OPEN", "FULL"] as const;

/**
 * Run by a job: a session whose last half-day has ended becomes DONE (audited, no actor), and
 * its attendees' progress is recomputed with their attended hours and their attendance
 * certificates are issued. The conditional update makes
 * concurrent runs and reruns harmless: each session is closed once.
 */
export async function completeFinishedSessions(now = new Date()): Promise<number> {
  const finished = await db.trainingSession.findMany({
    where: { status: { in: [...NOT_FINISHED] }, slots: { some: {}, none: { endsAt: { gt: now } } } },
    select: { id: true, courseId: true, status: true, course: { select: { institutionId: true } } },
  });
  let count = 0;
  for (const session of finished) {
    count += await db.$transaction(
      async (tx) => {
        const { count: updated } = await tx.trainingSession.updateMany({
          where: { id: session.id, status: { in: [...NOT_FINISHED] } },
          data: { status: "DONE" },
        });
        if (updated === 0) return 0;
        await tx.auditLog.create({
          data: {
            actorId: null,
            action: "session.done",
            entityType: "TrainingSession",
            entityId: session.id,
            institutionId: session.course.institutionId,
            data: { fromStatus: session.status },
          },
        });
        const attendees = await tx.attendance.findMany({
          where: { isPresent: true, slot: { sessionId: session.id } },
          select: { userId: true },
          distinct: ["userId"],
        });
        await recomputeAttendedProgress(tx, {
          courseId: session.courseId,
          userIds: attendees.map((row) => row.userId),
        });
        // After the session, every attendee has their attendance certificate.
        for (const attendee of attendees)
          await issueAttendanceCertificate(tx, { sessionId: session.id, userId: attendee.userId });
        return 1;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }
  return count;
}
