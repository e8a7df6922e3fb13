-- Rollups are derived data: emptied here, rebuilt by the next refresh (until then the dashboards read the raw rows).
DELETE FROM "IndicatorTraineeRollup";
DELETE FROM "IndicatorRollupYear";

-- DropIndex
DROP INDEX "IndicatorTraineeRollup_year_idx";

-- AlterTable
ALTER TABLE "IndicatorTraineeRollup" DROP COLUMN "modality",
DROP COLUMN "themeId",
DROP COLUMN "trainingType",
ADD COLUMN     "dimension" TEXT NOT NULL,
ADD COLUMN     "months" INTEGER NOT NULL,
ADD COLUMN     "value" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "IndicatorTraineeRollup_year_dimension_idx" ON "IndicatorTraineeRollup"("year", "dimension");

