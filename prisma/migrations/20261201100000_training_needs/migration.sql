-- CreateEnum
CREATE TYPE "NeedPriority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "NeedOpinion" AS ENUM ('FAVOURABLE', 'UNFAVOURABLE', 'TO_DISCUSS');

-- CreateEnum
CREATE TYPE "NeedDecision" AS ENUM ('RETAINED', 'DEFERRED', 'REFUSED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REGIONAL_CORRESPONDENT';

-- AlterTable
ALTER TABLE "RoleMembership" ADD COLUMN     "regionId" TEXT;

-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN     "priorityUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NeedsCampaign" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedsCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingNeed" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "themeId" TEXT NOT NULL,
    "trainingType" "TrainingType" NOT NULL,
    "priority" "NeedPriority" NOT NULL,
    "justification" TEXT NOT NULL,
    "staffCategory" "StaffCategory",
    "population" "StaffPopulation",
    "sex" "Sex" NOT NULL DEFAULT 'NOT_RECORDED',
    "opinion" "NeedOpinion",
    "opinionReason" TEXT,
    "opinionById" TEXT,
    "opinionAt" TIMESTAMP(3),
    "decision" "NeedDecision",
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "answeredBySessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingNeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NeedsCampaign_institutionId_year_key" ON "NeedsCampaign"("institutionId", "year");

-- CreateIndex
CREATE INDEX "TrainingNeed_campaignId_decision_idx" ON "TrainingNeed"("campaignId", "decision");

-- CreateIndex
CREATE INDEX "TrainingNeed_userId_idx" ON "TrainingNeed"("userId");

-- CreateIndex
CREATE INDEX "TrainingNeed_institutionId_decision_themeId_idx" ON "TrainingNeed"("institutionId", "decision", "themeId");

-- CreateIndex
CREATE INDEX "TrainingNeed_answeredBySessionId_userId_idx" ON "TrainingNeed"("answeredBySessionId", "userId");

-- AddForeignKey
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsCampaign" ADD CONSTRAINT "NeedsCampaign_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "NeedsCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_answeredBySessionId_fkey" FOREIGN KEY ("answeredBySessionId") REFERENCES "TrainingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

