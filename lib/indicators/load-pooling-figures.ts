import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import type { TPeriod } from "./types";
import { computePoolingFigures, type TPoolingFacts, type TPoolingFigures } from "./measures/pooling";

/**
 * The period's pooling facts, national scope only (indicators.national), then the figures of
 * lib/indicators/measures/pooling.ts. Hours follow the training volume: declared duration of online
 * and hybrid enrolments completed in the period, attended minutes of in-person and hybrid slots
 * starting in it; the content's institution is the adapted course's for an adaptation.
 */
export async function loadPoolingFigures(actor: TActor, period: TPeriod): Promise<TPoolingFigures> {
  assertCan(actor, "indicators.national");
  const hours = await db.$queryRaw<TPoolingFacts["hours"]>`
    WITH delivered AS (
      SELECT u."institutionId" AS agent, COALESCE(o."institutionId", c."institutionId") AS content,
             v."declaredDurationMinutes"::float8 AS minutes
        FROM "Enrolment" e
        JOIN "User" u ON u.id = e."userId"
        JOIN "Course" c ON c.id = e."courseId"
        LEFT JOIN "Course" o ON o.id = c."adaptedFromId"
        JOIN "CourseVersion" v ON v.id = e."courseVersionId"
       WHERE e.status = 'COMPLETED' AND e."completedAt" >= ${period.from} AND e."completedAt" < ${period.to}
         AND c.modality <> 'IN_PERSON' AND u."institutionId" IS NOT NULL
      UNION ALL
      SELECT u."institutionId", COALESCE(o."institutionId", c."institutionId"),
             EXTRACT(EPOCH FROM (s."endsAt" - s."startsAt"))::float8 / 60
        FROM "Attendance" a
        JOIN "User" u ON u.id = a."userId"
        JOIN "SessionSlot" s ON s.id = a."slotId"
        JOIN "TrainingSession" ts ON ts.id = s."sessionId"
        JOIN "Course" c ON c.id = ts."courseId"
        LEFT JOIN "Course" o ON o.id = c."adaptedFromId"
       WHERE a."isPresent" AND s."startsAt" >= ${period.from} AND s."startsAt" < ${period.to}
         AND c.modality <> 'ONLINE' AND u."institutionId" IS NOT NULL
    )
    SELECT agent AS "agentInstitutionId", content AS "contentInstitutionId", SUM(minutes)::float8 AS minutes
      FROM delivered GROUP BY agent, content`;
  const reuses = await db.$queryRaw<TPoolingFacts["reuses"]>`
    SELECT a."courseId", a."institutionId"
      FROM "CourseAdoption" a JOIN "LibraryListing" l ON l."courseId" = a."courseId"
     WHERE a."createdAt" < ${period.to}
    UNION
    SELECT c."adaptedFromId", c."institutionId"
      FROM "Course" c JOIN "LibraryListing" l ON l."courseId" = c."adaptedFromId"
     WHERE c."createdAt" < ${period.to}`;
  return computePoolingFigures({ hours, reuses });
}
