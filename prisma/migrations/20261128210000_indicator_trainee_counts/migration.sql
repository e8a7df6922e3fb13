-- CreateTable
CREATE TABLE "IndicatorTraineeCount" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "staffCategory" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "prevMonths" INTEGER NOT NULL,
    "agents" INTEGER NOT NULL,

    CONSTRAINT "IndicatorTraineeCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndicatorTraineeCount_year_dimension_idx" ON "IndicatorTraineeCount"("year", "dimension");


-- Backfill from the years already rolled up (the refresh rebuilds these rows from now on, the same way).
INSERT INTO "IndicatorTraineeCount" ("year", "dimension", "value", "institutionId", "regionId", "staffCategory", "population", "sex", "months", "prevMonths", "agents")
SELECT t."year", t."dimension", t."value", t."institutionId", t."regionId", t."staffCategory", t."population", t."sex", t."months", coalesce(p."months", 0), count(*)::int
FROM "IndicatorTraineeRollup" t
LEFT JOIN "IndicatorTraineeRollup" p ON p."year" = t."year" - 1 AND p."dimension" = t."dimension" AND p."value" = t."value" AND p."userId" = t."userId"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
