-- Derived rows: emptied, then recounted below from the per-agent rows (as the refresh does).
DELETE FROM "IndicatorTraineeCount";

-- AlterTable
ALTER TABLE "IndicatorTraineeCount" DROP COLUMN "prevMonths",
ADD COLUMN     "earlierMonths" BIGINT NOT NULL;

INSERT INTO "IndicatorTraineeCount" ("year", "dimension", "value", "institutionId", "regionId", "staffCategory", "population", "sex", "months", "earlierMonths", "agents")
SELECT t."year", t."dimension", t."value", t."institutionId", t."regionId", t."staffCategory", t."population", t."sex", t."months",
  coalesce((
    SELECT bit_or(p."months"::bigint << (12 * (t."year" - 1 - p."year")))
    FROM "IndicatorTraineeRollup" p
    WHERE p."year" BETWEEN t."year" - 5 AND t."year" - 1 AND p."dimension" = t."dimension" AND p."value" = t."value" AND p."userId" = t."userId"
  ), 0),
  count(*)::int
FROM "IndicatorTraineeRollup" t
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
