-- CreateEnum
CREATE TYPE "IndicatorJobKind" AS ENUM ('STAFF_IMPORT', 'HEADCOUNT_IMPORT', 'PROGRESS_EXPORT');

-- CreateEnum
CREATE TYPE "IndicatorJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "IndicatorDayRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
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

    CONSTRAINT "IndicatorDayRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorTraineeRollup" (
    "id" BIGSERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "staffCategory" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "modality" TEXT NOT NULL,
    "trainingType" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "days" bit(366) NOT NULL,

    CONSTRAINT "IndicatorTraineeRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorRollupYear" (
    "year" INTEGER NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorRollupYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "IndicatorJob" (
    "id" TEXT NOT NULL,
    "kind" "IndicatorJobKind" NOT NULL,
    "status" "IndicatorJobStatus" NOT NULL DEFAULT 'QUEUED',
    "ownerId" TEXT NOT NULL,
    "institutionId" TEXT,
    "params" JSONB NOT NULL,
    "input" BYTEA,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "resultName" TEXT,
    "resultType" TEXT,
    "result" BYTEA,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "IndicatorJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpenDataSnapshot" (
    "year" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedById" TEXT NOT NULL,

    CONSTRAINT "OpenDataSnapshot_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "IndicatorDayRollup_day_idx" ON "IndicatorDayRollup"("day");

-- CreateIndex
CREATE INDEX "IndicatorTraineeRollup_year_idx" ON "IndicatorTraineeRollup"("year");

-- CreateIndex
CREATE INDEX "IndicatorJob_ownerId_createdAt_idx" ON "IndicatorJob"("ownerId", "createdAt");

-- AddForeignKey
ALTER TABLE "IndicatorJob" ADD CONSTRAINT "IndicatorJob_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenDataSnapshot" ADD CONSTRAINT "OpenDataSnapshot_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

