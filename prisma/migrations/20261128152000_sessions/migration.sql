-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "emailSentAt" TIMESTAMP(3),
ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "Notification_emailSentAt_createdAt_idx" ON "Notification"("emailSentAt", "createdAt");

