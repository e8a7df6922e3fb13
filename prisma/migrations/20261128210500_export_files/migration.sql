-- Job files (uploaded CSVs, finished exports) move out of the row to the data folder: the row keeps
-- their path, size and sha256. Files already stored in rows are dropped (they are transient: a week at most).
-- AlterTable
ALTER TABLE "IndicatorJob" DROP COLUMN "input",
DROP COLUMN "result",
ADD COLUMN     "inputPath" TEXT,
ADD COLUMN     "resultPath" TEXT,
ADD COLUMN     "resultSha256" TEXT,
ADD COLUMN     "resultSize" INTEGER;

