-- Mission costs avoided follow the national mission-cost scales: the rollups carry them, in cents.
ALTER TABLE "IndicatorDayRollup" ADD COLUMN     "missionCents" DOUBLE PRECISION NOT NULL DEFAULT 0;

ALTER TABLE "IndicatorMonthRollup" ADD COLUMN     "missionCents" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- The rows already rolled up have no mission costs yet: until the next refresh rebuilds a year,
-- the dashboards compute it from the raw rows (lib/indicators/get-indicator-dashboard.ts).
DELETE FROM "IndicatorRollupYear";
