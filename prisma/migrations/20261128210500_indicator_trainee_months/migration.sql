-- CreateTable
CREATE TABLE "IndicatorTraineeMonth" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "staffCategory" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "months" INTEGER NOT NULL,

    CONSTRAINT "IndicatorTraineeMonth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndicatorTraineeMonth_year_month_dimension_idx" ON "IndicatorTraineeMonth"("year", "month", "dimension");


-- Backfill from the years already rolled up (the refresh rebuilds these rows from now on, the same way).
INSERT INTO "IndicatorTraineeMonth" ("year", "month", "dimension", "value", "userId", "institutionId", "regionId", "staffCategory", "population", "sex", "days", "months")
SELECT t."year", m.month, t."dimension", t."value", t."userId", t."institutionId", t."regionId", t."staffCategory", t."population", t."sex",
  substring(t."days" FROM m.first + 1 FOR m.length)::bit(31)::int, t."months"
FROM "IndicatorTraineeRollup" t
CROSS JOIN LATERAL (
  SELECT month, make_date(t."year", month + 1, 1) - make_date(t."year", 1, 1) AS first,
    (make_date(t."year", month + 1, 1) + interval '1 month')::date - make_date(t."year", month + 1, 1) AS length
  FROM generate_series(0, 11) AS month
) m
WHERE t."months" & (1 << m.month) <> 0
ORDER BY t."year", m.month, t."dimension";
