import "server-only";
import type { TTransaction } from "../db";
import { db } from "../db";

export type TReuseFigures = { learners: number; hours: number };

/**
 * Learners and hours delivered by the institutions that reuse each library course: the agents of
 * an adopting institution on the course itself, those of an adapting institution on its
 * adaptation. The owner's own agents are not counted. Hours follow the national indicators'
 * training volume (lib/indicators/measures/training-volume.ts): the declared duration of completed
 * online and hybrid enrolments, plus attended half-days of in-person and hybrid sessions.
 */
export async function loadReuseFigures(
  courseIds: string[],
  client: TTransaction | typeof db = db,
): Promise<Map<string, TReuseFigures>> {
  if (courseIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ root: string; learners: bigint; minutes: number | null }[]>`
    WITH reuse AS (
      SELECT a."courseId" AS root, a."courseId" AS "deliveryId", a."institutionId"
        FROM "CourseAdoption" a WHERE a."courseId" = ANY(${courseIds})
      UNION
      SELECT c."adaptedFromId", c.id, c."institutionId"
        FROM "Course" c WHERE c."adaptedFromId" = ANY(${courseIds})
    ),
    delivered AS (
      SELECT r.root, e."userId",
             CASE WHEN e.status = 'COMPLETED' AND c.modality <> 'IN_PERSON' THEN v."declaredDurationMinutes" ELSE 0 END AS minutes
        FROM reuse r
        JOIN "Course" c ON c.id = r."deliveryId"
        JOIN "Enrolment" e ON e."courseId" = r."deliveryId"
        JOIN "CourseVersion" v ON v.id = e."courseVersionId"
        JOIN "User" u ON u.id = e."userId" AND u."institutionId" = r."institutionId"
       WHERE e.status IN ('ACTIVE', 'COMPLETED')
      UNION ALL
      SELECT r.root, at."userId", EXTRACT(EPOCH FROM (s."endsAt" - s."startsAt")) / 60
        FROM reuse r
        JOIN "Course" c ON c.id = r."deliveryId" AND c.modality <> 'ONLINE'
        JOIN "TrainingSession" ts ON ts."courseId" = r."deliveryId"
        JOIN "SessionSlot" s ON s."sessionId" = ts.id
        JOIN "Attendance" at ON at."slotId" = s.id AND at."isPresent"
        JOIN "User" u ON u.id = at."userId" AND u."institutionId" = r."institutionId"
    )
    SELECT root, COUNT(DISTINCT "userId") AS learners, SUM(minutes)::float8 AS minutes
      FROM delivered GROUP BY root`;
  return new Map(rows.map((row) => [row.root, { learners: Number(row.learners), hours: (row.minutes ?? 0) / 60 }]));
}
