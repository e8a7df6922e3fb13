import "server-only";
import { db } from "../db";
import { buildAttendedStatement } from "./attended-statement";

/**
 * Sends one "attended" xAPI statement per agent present at a half-day to the LRS.
 * TODO(sessions→LRS): the statement store (lib/lrs/store-statements.ts `storeStatements`) is being
 * built in parallel; when it lands, replace the early return below with
 * `await storeStatements(statements, { authority: platform })`. Statement ids are stable per
 * (slot, agent), so re-publishing after a correction is idempotent.
 */
export async function publishAttendedStatements(slotId: string): Promise<ReturnType<typeof buildAttendedStatement>[]> {
  const slot = await db.sessionSlot.findUniqueOrThrow({
    where: { id: slotId },
    select: {
      id: true, startsAt: true, endsAt: true,
      session: { select: { id: true, course: { select: { slug: true } }, courseVersion: { select: { title: true } } } },
      attendances: { where: { isPresent: true }, select: { recordedAt: true, user: { select: { id: true, name: true } } } },
    },
  });
  const statements = slot.attendances.map((attendance) =>
    buildAttendedStatement({
      user: attendance.user,
      session: { id: slot.session.id, title: slot.session.courseVersion.title, courseSlug: slot.session.course.slug },
      slot,
      recordedAt: attendance.recordedAt,
    }),
  );
  return statements;
}
