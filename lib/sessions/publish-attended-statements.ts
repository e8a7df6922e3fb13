import "server-only";
import { db } from "../db";
import { buildAttendedStatement } from "./attended-statement";
import { storeStatements } from "../lrs/store-statements";

/**
 * Sends one "attended" xAPI statement per agent present at a half-day to the LRS, as Relais
 * itself. Statement ids are stable per (slot, agent), so re-publishing after every roll call or
 * check-in stores each one once. The attendance rows stay the record: if the LRS refuses, the
 * error is logged and the next roll call publishes again.
 * TODO(sessions→LRS): a presence corrected to absent should void its statement.
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
  if (statements.length === 0) return statements;
  try {
    await storeStatements({ credentials: { kind: "relais" }, statements });
  } catch (error) {
    console.error(`Could not store the attended statements of slot ${slotId} in the LRS:`, error);
  }
  return statements;
}
