-- CreateEnum
CREATE TYPE "XapiDocumentKind" AS ENUM ('STATE', 'ACTIVITY_PROFILE', 'AGENT_PROFILE');

-- CreateTable
CREATE TABLE "XapiStatement" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "statement" JSON NOT NULL,
    "actorIfi" TEXT,
    "verbId" TEXT NOT NULL,
    "objectActivityId" TEXT,
    "objectStatementId" UUID,
    "registration" UUID,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "stored" TIMESTAMPTZ(3) NOT NULL,
    "isVoided" BOOLEAN NOT NULL DEFAULT false,
    "relatedAgents" TEXT[],
    "relatedActivities" TEXT[],
    "lrsClientId" TEXT,
    "writerUserId" TEXT,
    "institutionId" TEXT,

    CONSTRAINT "XapiStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiDocument" (
    "id" TEXT NOT NULL,
    "kind" "XapiDocumentKind" NOT NULL,
    "activityId" TEXT NOT NULL DEFAULT '',
    "agentIfi" TEXT NOT NULL DEFAULT '',
    "registration" TEXT NOT NULL DEFAULT '',
    "documentId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "etag" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "XapiDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "XapiActivity" (
    "id" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "XapiActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "XapiStatement_seq_key" ON "XapiStatement"("seq");

-- CreateIndex
CREATE INDEX "XapiStatement_actorIfi_objectActivityId_seq_idx" ON "XapiStatement"("actorIfi", "objectActivityId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_actorIfi_seq_idx" ON "XapiStatement"("actorIfi", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_verbId_seq_idx" ON "XapiStatement"("verbId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_objectActivityId_seq_idx" ON "XapiStatement"("objectActivityId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_registration_seq_idx" ON "XapiStatement"("registration", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_objectStatementId_idx" ON "XapiStatement"("objectStatementId");

-- CreateIndex
CREATE INDEX "XapiStatement_stored_idx" ON "XapiStatement"("stored");

-- CreateIndex
CREATE INDEX "XapiStatement_institutionId_seq_idx" ON "XapiStatement"("institutionId", "seq");

-- CreateIndex
CREATE INDEX "XapiStatement_relatedAgents_idx" ON "XapiStatement" USING GIN ("relatedAgents");

-- CreateIndex
CREATE INDEX "XapiStatement_relatedActivities_idx" ON "XapiStatement" USING GIN ("relatedActivities");

-- CreateIndex
CREATE INDEX "XapiDocument_kind_activityId_agentIfi_registration_updatedA_idx" ON "XapiDocument"("kind", "activityId", "agentIfi", "registration", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "XapiDocument_kind_activityId_agentIfi_registration_document_key" ON "XapiDocument"("kind", "activityId", "agentIfi", "registration", "documentId");

