import "server-only";
import { db } from "../db";
import type { TNeedFact } from "./needs-access";

/**
 * The needs of a campaign year in these institutions, each with whether it is satisfied (the
 * definition of lib/indicators/needs-access.ts): a COMPLETED enrolment in a matching course
 * completed within the year, or presence at a half-day of a matching course's session within the
 * year. Matching: the need's course, or a course of the need's theme for a free need. Years are
 * UTC calendar years, as the other indicators' periods.
 */
export async function loadNeedsFacts(options: { year: number; institutionIds: string[] }): Promise<TNeedFact[]> {
  const from = new Date(Date.UTC(options.year, 0, 1));
  const to = new Date(Date.UTC(options.year + 1, 0, 1));
  return db.$queryRaw<TNeedFact[]>`
    SELECT n.decision::text AS decision,
           COALESCE(n."staffCategory"::text, 'NOT_RECORDED') AS "staffCategory",
           COALESCE(n.population::text, 'NOT_RECORDED') AS population,
           n.sex::text AS sex,
           (EXISTS (
              SELECT 1 FROM "Enrolment" e JOIN "Course" co ON co.id = e."courseId"
              WHERE e."userId" = n."userId" AND e.status = 'COMPLETED'
                AND e."completedAt" >= ${from} AND e."completedAt" < ${to}
                AND (co.id = n."courseId" OR (n."courseId" IS NULL AND co."themeId" = n."themeId"))
            ) OR EXISTS (
              SELECT 1 FROM "Attendance" a
              JOIN "SessionSlot" sl ON sl.id = a."slotId"
              JOIN "TrainingSession" s ON s.id = sl."sessionId"
              JOIN "Course" co ON co.id = s."courseId"
              WHERE a."userId" = n."userId" AND a."isPresent"
                AND sl."startsAt" >= ${from} AND sl."startsAt" < ${to}
                AND (co.id = n."courseId" OR (n."courseId" IS NULL AND co."themeId" = n."themeId"))
            )) AS "isSatisfied"
    FROM "TrainingNeed" n JOIN "NeedsCampaign" c ON c.id = n."campaignId"
    WHERE c.year = ${options.year} AND n."institutionId" = ANY(${options.institutionIds}::text[])
      AND n."withdrawnAt" IS NULL`;
}
