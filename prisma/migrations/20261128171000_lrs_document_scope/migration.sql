-- DropIndex
DROP INDEX "XapiDocument_kind_activityId_agentIfi_registration_updatedA_idx";

-- DropIndex
DROP INDEX "XapiDocument_kind_activityId_agentIfi_registration_document_key";

-- AlterTable
ALTER TABLE "XapiDocument" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "XapiDocument_scope_kind_activityId_agentIfi_registration_up_idx" ON "XapiDocument"("scope", "kind", "activityId", "agentIfi", "registration", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "XapiDocument_scope_kind_activityId_agentIfi_registration_do_key" ON "XapiDocument"("scope", "kind", "activityId", "agentIfi", "registration", "documentId");

