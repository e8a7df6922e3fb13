import "server-only";
import { db } from "../db";
import type { TCostFact } from "./costs";

/**
 * The cost facts of a year for these institutions, one row each (lib/indicators/costs.ts says what
 * each figure means). The year runs from 1 January to 1 January in the institution's own time
 * zone (Institution.timeZone, Europe/Paris by default): a session starting on 31 December at 23:30
 * in Nouméa belongs to that year there. Computed by PostgreSQL, whatever the number of sessions.
 */
export async function loadCostFacts(options: { year: number; institutionIds: string[] }): Promise<TCostFact[]> {
  const { year, institutionIds } = options;
  if (institutionIds.length === 0) return [];
  return db.$queryRaw<TCostFact[]>`
    WITH inst AS (
      SELECT id,
        (make_timestamp(${year}::int, 1, 1, 0, 0, 0) AT TIME ZONE "timeZone") AT TIME ZONE 'UTC' AS "from",
        (make_timestamp(${year}::int + 1, 1, 1, 0, 0, 0) AT TIME ZONE "timeZone") AT TIME ZONE 'UTC' AS "to"
      FROM "Institution" WHERE id = ANY(${institutionIds}::text[])
    ), sess AS (
      SELECT i.id AS "institutionId", s.id, s."courseId",
        (sc."trainersCents" + sc."roomCents" + sc."cateringCents" + sc."travelCents")::float8 AS cents
      FROM inst i
      JOIN "Course" co ON co."institutionId" = i.id
      JOIN "TrainingSession" s ON s."courseId" = co.id AND s.status <> 'CANCELLED'
      JOIN "SessionCost" sc ON sc."sessionId" = s.id
      JOIN LATERAL (SELECT min(sl."startsAt") AS first FROM "SessionSlot" sl WHERE sl."sessionId" = s.id) f ON true
      WHERE f.first >= i."from" AND f.first < i."to"
    ), plan AS (
      SELECT c."institutionId", pa."courseId",
        (pa."teachingBudgetCents" + pa."venueBudgetCents" + pa."missionBudgetCents")::float8 AS planned,
        CASE WHEN pa."doneAt" IS NOT NULL THEN COALESCE(pa."actualCostCents", 0) ELSE 0 END::float8 AS external
      FROM "NeedsCampaign" c JOIN "TrainingPlanAction" pa ON pa."campaignId" = c.id
      WHERE c.year = ${year}::int AND c."institutionId" = ANY(${institutionIds}::text[])
    )
    SELECT i.id AS "institutionId",
      COALESCE((SELECT sum(ss.cents) FROM sess ss WHERE ss."institutionId" = i.id), 0)::float8 AS "sessionCostCents",
      COALESCE((
        SELECT sum(extract(epoch FROM sl."endsAt" - sl."startsAt") / 60)
        FROM sess ss
        JOIN "SessionSlot" sl ON sl."sessionId" = ss.id
        JOIN "Attendance" a ON a."slotId" = sl.id AND a."isPresent"
        WHERE ss."institutionId" = i.id
      ), 0)::float8 AS "traineeMinutes",
      COALESCE((SELECT sum(p.planned) FROM plan p WHERE p."institutionId" = i.id), 0)::float8 AS "plannedCents",
      (COALESCE((
        SELECT sum(ss.cents) FROM sess ss WHERE ss."institutionId" = i.id
          AND ss."courseId" IN (SELECT p."courseId" FROM plan p WHERE p."institutionId" = i.id AND p."courseId" IS NOT NULL)
      ), 0) + COALESCE((SELECT sum(p.external) FROM plan p WHERE p."institutionId" = i.id), 0))::float8 AS "consumedCents"
    FROM inst i`;
}
