-- CreateEnum
CREATE TYPE "PlanActionKind" AS ENUM ('COURSE_SESSIONS', 'ONLINE_MODULE', 'EXTERNAL');

-- AlterTable
ALTER TABLE "TrainingNeed" ADD COLUMN     "planActionId" TEXT;

-- CreateTable
CREATE TABLE "TrainingPlanAction" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "trainingType" "TrainingType" NOT NULL,
    "kind" "PlanActionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "courseId" TEXT,
    "plannedAgents" INTEGER NOT NULL,
    "teachingBudgetCents" INTEGER NOT NULL DEFAULT 0,
    "venueBudgetCents" INTEGER NOT NULL DEFAULT 0,
    "missionBudgetCents" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingPlanAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrainingNeed_planActionId_idx" ON "TrainingNeed"("planActionId");

-- CreateIndex
CREATE INDEX "TrainingPlanAction_campaignId_idx" ON "TrainingPlanAction"("campaignId");

-- CreateIndex
CREATE INDEX "TrainingPlanAction_institutionId_idx" ON "TrainingPlanAction"("institutionId");

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_planActionId_fkey" FOREIGN KEY ("planActionId") REFERENCES "TrainingPlanAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPlanAction" ADD CONSTRAINT "TrainingPlanAction_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "NeedsCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPlanAction" ADD CONSTRAINT "TrainingPlanAction_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingPlanAction" ADD CONSTRAINT "TrainingPlanAction_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;
