import "server-only";
import { db } from "../db";
import type { TNeedFact } from "./needs-access";

/**
 * The needs of a campaign year in these institutions, each with whether it is satisfied (the
 * definition of lib/indicators/needs-access.ts): a COMPLETED enrolment in a matching course
 * completed within the year, or presence at a half-day of a matching course's session within the
 * year, or — for a need its plan answers with an external training marked done within the year —
 * the agent among those who followed it. Matching: the need's course, the national module
 * commissioned for it, or a course of the need's theme for a free need. The year runs from
 * 1 January to 1 January in the institution's time zone (Institution.timeZone, Europe/Paris by
 * default). Counted by PostgreSQL per decision, satisfaction, category, population and sex (at
 * most 216 rows, whatever the number of needs).
 */
export async function loadNeedsFacts(options: { year: number; institutionIds: string[] }): Promise<TNeedFact[]> {
  const rows = await db.$queryRaw<TNeedFact[]>`
    SELECT count(*)::int AS needs, decision, "staffCategory", population, sex, "isSatisfied"
    FROM (
    SELECT n.decision::text AS decision,
           COALESCE(n."staffCategory"::text, 'NOT_RECORDED') AS "staffCategory",
           COALESCE(n.population::text, 'NOT_RECORDED') AS population,
           n.sex::text AS sex,
           (EXISTS (
              SELECT 1 FROM "Enrolment" e JOIN "Course" co ON co.id = e."courseId"
              WHERE e."userId" = n."userId" AND e.status = 'COMPLETED'
                AND e."completedAt" >= y."from" AND e."completedAt" < y."to"
                AND (co.id = n."courseId" OR (n."courseId" IS NULL AND co."themeId" = n."themeId") OR co.id = mc."courseId")
            ) OR EXISTS (
              SELECT 1 FROM "Attendance" a
              JOIN "SessionSlot" sl ON sl.id = a."slotId"
              JOIN "TrainingSession" s ON s.id = sl."sessionId"
              JOIN "Course" co ON co.id = s."courseId"
              WHERE a."userId" = n."userId" AND a."isPresent"
                AND sl."startsAt" >= y."from" AND sl."startsAt" < y."to"
                AND (co.id = n."courseId" OR (n."courseId" IS NULL AND co."themeId" = n."themeId"))
            ) OR EXISTS (
              SELECT 1 FROM "TrainingPlanAction" pa
              JOIN "PlanActionParticipant" pp ON pp."actionId" = pa.id AND pp."userId" = n."userId"
              WHERE pa.id = n."planActionId" AND pa.kind = 'EXTERNAL'
                AND pa."doneAt" >= y."from" AND pa."doneAt" < y."to"
            )) AS "isSatisfied"
    FROM "TrainingNeed" n JOIN "NeedsCampaign" c ON c.id = n."campaignId"
    JOIN "Institution" i ON i.id = n."institutionId"
    CROSS JOIN LATERAL (
      SELECT (make_timestamp(${options.year}::int, 1, 1, 0, 0, 0) AT TIME ZONE i."timeZone") AT TIME ZONE 'UTC' AS "from",
             (make_timestamp(${options.year}::int + 1, 1, 1, 0, 0, 0) AT TIME ZONE i."timeZone") AT TIME ZONE 'UTC' AS "to"
    ) y
    LEFT JOIN "ModuleCommission" mc ON mc.id = n."answeredByCommissionId"
    WHERE c.year = ${options.year} AND n."institutionId" = ANY(${options.institutionIds}::text[])
      AND n."withdrawnAt" IS NULL
    ) facts
    GROUP BY decision, "staffCategory", population, sex, "isSatisfied"`;
  return rows;
}
