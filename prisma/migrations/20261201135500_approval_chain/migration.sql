-- CreateEnum
CREATE TYPE "ApprovalChain" AS ENUM ('MANAGER', 'MANAGER_THEN_OFFICER');

-- CreateEnum
CREATE TYPE "ApprovalStep" AS ENUM ('MANAGER', 'OFFICER');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "approvalChain" "ApprovalChain";

-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "approvalChain" "ApprovalChain" NOT NULL DEFAULT 'MANAGER',
ADD COLUMN     "approvalReminderDays" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "approvalRemindedAt" TIMESTAMP(3),
ADD COLUMN     "approvalStep" "ApprovalStep",
ADD COLUMN     "approvalStepSince" TIMESTAMP(3),
ADD COLUMN     "isOfficerStepRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "absentUntil" TIMESTAMP(3),
ADD COLUMN     "deputyId" TEXT;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
