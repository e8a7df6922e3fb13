-- Professional networks (lib/networks). French full-text search uses the relais_french text
-- search configuration (PostgreSQL's french one with accents removed first by unaccent, so that
-- "evaluation" finds "évaluation"), created by the catalogue search migration that runs just
-- before this one (20261201100000_catalogue_search).

-- CreateEnum
CREATE TYPE "NetworkScope" AS ENUM ('NATIONAL', 'REGIONAL', 'THEMATIC', 'INSTITUTION');

-- CreateEnum
CREATE TYPE "NetworkAccess" AS ENUM ('OPEN', 'ON_REQUEST');

-- CreateEnum
CREATE TYPE "NetworkMemberRole" AS ENUM ('MEMBER', 'MODERATOR');

-- CreateEnum
CREATE TYPE "NetworkMemberStatus" AS ENUM ('PENDING', 'ACTIVE');

-- CreateEnum
CREATE TYPE "NetworkDigest" AS ENUM ('DAILY', 'WEEKLY', 'OFF');

-- CreateEnum
CREATE TYPE "NetworkReportReason" AS ENUM ('SPAM', 'ABUSE', 'OFF_TOPIC', 'OTHER');

-- CreateEnum
CREATE TYPE "NetworkReportStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "NetworkResourceKind" AS ENUM ('COURSE', 'SESSION', 'DOCUMENT', 'LINK');

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scope" "NetworkScope" NOT NULL,
    "access" "NetworkAccess" NOT NULL DEFAULT 'OPEN',
    "regionId" TEXT,
    "themeId" TEXT,
    "institutionId" TEXT,
    "createdById" TEXT,
    "memberCount" INTEGER NOT NULL DEFAULT 0,
    "threadCount" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMember" (
    "networkId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "NetworkMemberRole" NOT NULL DEFAULT 'MEMBER',
    "status" "NetworkMemberStatus" NOT NULL DEFAULT 'ACTIVE',
    "digest" "NetworkDigest" NOT NULL DEFAULT 'WEEKLY',
    "lastDigestAt" TIMESTAMP(3),
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),

    CONSTRAINT "NetworkMember_pkey" PRIMARY KEY ("networkId","userId")
);

-- CreateTable
CREATE TABLE "NetworkProfile" (
    "userId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "headline" TEXT NOT NULL DEFAULT '',
    "showInstitution" BOOLEAN NOT NULL DEFAULT true,
    "showEmail" BOOLEAN NOT NULL DEFAULT false,
    "showWorkplace" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NetworkThread" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "isPinned" BOOLEAN NOT NULL DEFAULT false,
    "isLocked" BOOLEAN NOT NULL DEFAULT false,
    "isHidden" BOOLEAN NOT NULL DEFAULT false,
    "solutionPostId" TEXT,
    "postCount" INTEGER NOT NULL DEFAULT 0,
    "lastPostAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('relais_french'::regconfig, "title"), 'A')) STORED,

    CONSTRAINT "NetworkThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkPost" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "authorId" TEXT,
    "position" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "isHidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenById" TEXT,
    "hiddenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('relais_french'::regconfig, "bodyText")) STORED,

    CONSTRAINT "NetworkPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkAttachment" (
    "postId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "NetworkAttachment_pkey" PRIMARY KEY ("postId","fileId")
);

-- CreateTable
CREATE TABLE "NetworkThreadFollow" (
    "threadId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkThreadFollow_pkey" PRIMARY KEY ("threadId","userId")
);

-- CreateTable
CREATE TABLE "NetworkThreadRead" (
    "threadId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastPosition" INTEGER NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkThreadRead_pkey" PRIMARY KEY ("threadId","userId")
);

-- CreateTable
CREATE TABLE "NetworkReport" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" "NetworkReportReason" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "status" "NetworkReportStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkResource" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "kind" "NetworkResourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "courseId" TEXT,
    "sessionId" TEXT,
    "fileId" TEXT,
    "url" TEXT,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkEvent" (
    "id" TEXT NOT NULL,
    "networkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "meetingUrl" TEXT NOT NULL,
    "createdById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkRateEvent" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkRateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Network_slug_key" ON "Network"("slug");

-- CreateIndex
CREATE INDEX "Network_scope_lastActivityAt_idx" ON "Network"("scope", "lastActivityAt");

-- CreateIndex
CREATE INDEX "Network_institutionId_idx" ON "Network"("institutionId");

-- CreateIndex
CREATE INDEX "Network_regionId_idx" ON "Network"("regionId");

-- CreateIndex
CREATE INDEX "NetworkMember_userId_status_idx" ON "NetworkMember"("userId", "status");

-- CreateIndex
CREATE INDEX "NetworkMember_networkId_status_role_idx" ON "NetworkMember"("networkId", "status", "role");

-- CreateIndex
CREATE INDEX "NetworkMember_digest_lastDigestAt_idx" ON "NetworkMember"("digest", "lastDigestAt");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkProfile_handle_key" ON "NetworkProfile"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkThread_solutionPostId_key" ON "NetworkThread"("solutionPostId");

-- CreateIndex
CREATE INDEX "NetworkThread_networkId_isPinned_lastPostAt_idx" ON "NetworkThread"("networkId", "isPinned", "lastPostAt");

-- CreateIndex
CREATE INDEX "NetworkThread_searchVector_idx" ON "NetworkThread" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "NetworkPost_networkId_createdAt_idx" ON "NetworkPost"("networkId", "createdAt");

-- CreateIndex
CREATE INDEX "NetworkPost_searchVector_idx" ON "NetworkPost" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkPost_threadId_position_key" ON "NetworkPost"("threadId", "position");

-- CreateIndex
CREATE INDEX "NetworkAttachment_fileId_idx" ON "NetworkAttachment"("fileId");

-- CreateIndex
CREATE INDEX "NetworkThreadFollow_userId_idx" ON "NetworkThreadFollow"("userId");

-- CreateIndex
CREATE INDEX "NetworkReport_networkId_status_createdAt_idx" ON "NetworkReport"("networkId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkReport_postId_reporterId_key" ON "NetworkReport"("postId", "reporterId");

-- CreateIndex
CREATE INDEX "NetworkResource_networkId_createdAt_idx" ON "NetworkResource"("networkId", "createdAt");

-- CreateIndex
CREATE INDEX "NetworkEvent_networkId_startsAt_idx" ON "NetworkEvent"("networkId", "startsAt");

-- CreateIndex
CREATE INDEX "NetworkRateEvent_userId_action_createdAt_idx" ON "NetworkRateEvent"("userId", "action", "createdAt");

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkProfile" ADD CONSTRAINT "NetworkProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkThread" ADD CONSTRAINT "NetworkThread_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkPost" ADD CONSTRAINT "NetworkPost_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "NetworkThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkAttachment" ADD CONSTRAINT "NetworkAttachment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "NetworkPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkAttachment" ADD CONSTRAINT "NetworkAttachment_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkThreadFollow" ADD CONSTRAINT "NetworkThreadFollow_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "NetworkThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkThreadRead" ADD CONSTRAINT "NetworkThreadRead_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "NetworkThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkReport" ADD CONSTRAINT "NetworkReport_postId_fkey" FOREIGN KEY ("postId") REFERENCES "NetworkPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkResource" ADD CONSTRAINT "NetworkResource_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkResource" ADD CONSTRAINT "NetworkResource_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkResource" ADD CONSTRAINT "NetworkResource_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkResource" ADD CONSTRAINT "NetworkResource_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkEvent" ADD CONSTRAINT "NetworkEvent_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

