import "server-only";
import { db, type TTransaction } from "../db";
import { ATTENDED_VERB, buildAttendedStatement, buildVoidingStatement } from "./attended-statement";
import { projectStatements } from "../learning/project-statements";
import { storeStatementsInTransaction } from "../lrs/store-statements";
import { userIdFromXapiAgent, xapiActivityId } from "../lrs/xapi-identifiers";

/**
 * Brings the LRS in line with a half-day's attendance, as Relais itself: one "attended" xAPI
 * statement per agent present (confirmed registration), and a real voiding statement for any
 * earlier "attended" statement that no longer matches a presence (corrected to absent,
 * registration cancelled, recorded again). Ids are derived from the records, so publishing
 * again stores each statement once. Runs in the caller's transaction when given one, so the LRS
 * and the attendance rows commit together.
 */
type TPublished = {
  statements: ReturnType<typeof buildAttendedStatement>[];
  voiding: ReturnType<typeof buildVoidingStatement>[];
};

export async function publishAttendedStatements(
  slotId: string,
  options: { tx?: TTransaction; now?: Date } = {},
): Promise<TPublished> {
  if (!options.tx) return db.$transaction((tx) => publishAttendedStatements(slotId, { ...options, tx }));
  const { tx } = options;
  const now = options.now ?? new Date();
  const slot = await tx.sessionSlot.findUniqueOrThrow({
    where: { id: slotId },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      session: {
        select: {
          id: true,
          status: true,
          course: { select: { slug: true } },
          courseVersion: { select: { title: true } },
        },
      },
      attendances: {
        where: { isPresent: true, registration: { status: "CONFIRMED" } },
        select: { recordedAt: true, user: { select: { id: true, name: true } } },
      },
    },
  });
  const present = slot.session.status === "CANCELLED" ? [] : slot.attendances;
  const statements = present.map((attendance) =>
    buildAttendedStatement({
      user: attendance.user,
      session: { id: slot.session.id, title: slot.session.courseVersion.title, courseSlug: slot.session.course.slug },
      slot,
      recordedAt: attendance.recordedAt,
    }),
  );
  const current = new Set(statements.map((statement) => statement.id));
  const earlier = await tx.xapiStatement.findMany({
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
  if (statements.length + voiding.length > 0)
    await storeStatementsInTransaction(tx, {
      credentials: { kind: "relais" },
      statements: [...statements, ...voiding],
      project: projectStatements,
    });
  return { statements, voiding };
}
