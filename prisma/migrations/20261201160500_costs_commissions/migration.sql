-- AlterTable
ALTER TABLE "TrainingNeed" ADD COLUMN     "answeredByCommissionId" TEXT;

-- AlterTable
ALTER TABLE "TrainingPlanAction" ADD COLUMN     "actualCostCents" INTEGER,
ADD COLUMN     "doneAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SessionCost" (
    "sessionId" TEXT NOT NULL,
    "trainersCents" INTEGER NOT NULL DEFAULT 0,
    "roomCents" INTEGER NOT NULL DEFAULT 0,
    "cateringCents" INTEGER NOT NULL DEFAULT 0,
    "travelCents" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionCost_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "MissionCostScale" (
    "id" TEXT NOT NULL DEFAULT 'national',
    "kmAllowanceCents" INTEGER NOT NULL DEFAULT 25,
    "mealCents" INTEGER NOT NULL DEFAULT 2000,
    "overnightCents" INTEGER NOT NULL DEFAULT 9000,
    "overnightFromKm" INTEGER NOT NULL DEFAULT 150,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MissionCostScale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanActionParticipant" (
    "actionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "PlanActionParticipant_pkey" PRIMARY KEY ("actionId","userId")
);

-- CreateTable
CREATE TABLE "ModuleCommission" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "brief" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "trainerId" TEXT,
    "courseId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModuleCommission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanActionParticipant_userId_idx" ON "PlanActionParticipant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ModuleCommission_courseId_key" ON "ModuleCommission"("courseId");

-- CreateIndex
CREATE INDEX "ModuleCommission_institutionId_idx" ON "ModuleCommission"("institutionId");

-- CreateIndex
CREATE INDEX "TrainingNeed_answeredByCommissionId_idx" ON "TrainingNeed"("answeredByCommissionId");

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_answeredByCommissionId_fkey" FOREIGN KEY ("answeredByCommissionId") REFERENCES "ModuleCommission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionCost" ADD CONSTRAINT "SessionCost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActionParticipant" ADD CONSTRAINT "PlanActionParticipant_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "TrainingPlanAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanActionParticipant" ADD CONSTRAINT "PlanActionParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleCommission" ADD CONSTRAINT "ModuleCommission_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleCommission" ADD CONSTRAINT "ModuleCommission_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleCommission" ADD CONSTRAINT "ModuleCommission_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
