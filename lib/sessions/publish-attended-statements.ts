import "server-only";
import { db } from "../db";
import { ATTENDED_VERB, buildAttendedStatement, buildVoidingStatement } from "./attended-statement";
import { projectStatements } from "../learning/project-statements";
import { storeStatements } from "../lrs/store-statements";
import { userIdFromXapiAgent, xapiActivityId } from "../lrs/xapi-identifiers";

/**
 * Brings the LRS in line with a half-day's attendance, as Relais itself: one "attended" xAPI
 * statement per agent present, and a voiding statement for any earlier "attended" statement that
 * no longer matches a presence (corrected to absent, or recorded again). Ids are derived from the
 * records, so publishing again after every roll call or check-in stores each statement once.
 * The attendance rows stay the record: if the LRS refuses, the error is logged and the next roll
 * call publishes again.
 */
export async function publishAttendedStatements(slotId: string, now = new Date()) {
  const slot = await db.sessionSlot.findUniqueOrThrow({
    where: { id: slotId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      session: { select: { id: true, course: { select: { slug: true } }, courseVersion: { select: { title: true } } } },
      attendances: {
        where: { isPresent: true },
        select: { recordedAt: true, user: { select: { id: true, name: true } } },
      },
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
  const current = new Set(statements.map((statement) => statement.id));
  const earlier = await db.xapiStatement.findMany({
    where: {
      verbId: ATTENDED_VERB.id,
      objectActivityId: xapiActivityId.slot(slot.session.id, slot.id),
      isVoided: false,
    },
    select: { id: true, statement: true },
  });
  // Only Relais's own attendance statements about Relais accounts are withdrawn, never a client's.
  const stale = earlier.filter(
    (row) => !current.has(row.id) && userIdFromXapiAgent((row.statement as { actor?: unknown }).actor) !== null,
  );
  const voiding = stale.map((row) => buildVoidingStatement({ targetId: row.id, voidedAt: now }));
  if (statements.length + voiding.length === 0) return { statements, voiding };
  try {
    await storeStatements({
      credentials: { kind: "relais" },
      statements: [...statements, ...voiding],
      project: projectStatements,
    });
  } catch (error) {
    console.error(`Could not store the attended statements of slot ${slotId} in the LRS:`, error);
  }
  return { statements, voiding };
}
