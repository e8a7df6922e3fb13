-- CreateTable
CREATE TABLE "IndicatorMonthRollup" (
    "id" BIGSERIAL NOT NULL,
    "month" DATE NOT NULL,
    "institutionId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "staffCategory" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "modality" TEXT NOT NULL,
    "trainingType" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,
    "openedCompleted" INTEGER NOT NULL DEFAULT 0,
    "completions" INTEGER NOT NULL DEFAULT 0,
    "scoreSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scoreCount" INTEGER NOT NULL DEFAULT 0,
    "minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "satisfactionSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,
    "followUpSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "followUpCount" INTEGER NOT NULL DEFAULT 0,
    "trips" INTEGER NOT NULL DEFAULT 0,
    "km" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "IndicatorMonthRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndicatorMonthRollup_month_idx" ON "IndicatorMonthRollup"("month");


-- Backfill from the days already rolled up (the refresh rebuilds these rows from now on, the same way).
INSERT INTO "IndicatorMonthRollup" ("month", "institutionId", "regionId", "staffCategory", "population", "sex", "modality", "trainingType", "themeId",
  "enrolments", "openedCompleted", "completions", "scoreSum", "scoreCount", "minutes", "satisfactionSum", "satisfactionCount", "followUpSum", "followUpCount", "trips", "km")
SELECT date_trunc('month', "day")::date, "institutionId", "regionId", "staffCategory", "population", "sex", "modality", "trainingType", "themeId",
  sum("enrolments")::int, sum("openedCompleted")::int, sum("completions")::int, sum("scoreSum"), sum("scoreCount")::int, sum("minutes"),
  sum("satisfactionSum"), sum("satisfactionCount")::int, sum("followUpSum"), sum("followUpCount")::int, sum("trips")::int, sum("km")
FROM "IndicatorDayRollup"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY 1;
