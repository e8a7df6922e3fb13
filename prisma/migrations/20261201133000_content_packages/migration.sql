-- SCORM 1.2, SCORM 2004 and cmi5 packages imported as course activities (lib/packages).
ALTER TYPE "ActivityKind" ADD VALUE 'PACKAGE';

CREATE TYPE "PackageStandard" AS ENUM ('SCORM_12', 'SCORM_2004', 'CMI5');

ALTER TABLE "Activity" ADD COLUMN "packageId" TEXT;

CREATE TABLE "ContentPackage" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT,
    "createdById" TEXT NOT NULL,
    "standard" "PackageStandard" NOT NULL,
    "title" TEXT NOT NULL,
    "launchPath" TEXT NOT NULL,
    "manifest" JSONB NOT NULL DEFAULT '{}',
    "sizeBytes" BIGINT NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentPackage_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PackageFile" (
    "packageId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,

    CONSTRAINT "PackageFile_pkey" PRIMARY KEY ("packageId","path")
);

CREATE TABLE "PackageRuntimeState" (
    "enrolmentId" TEXT NOT NULL,
    "activityKey" TEXT NOT NULL,
    "cmi" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PackageRuntimeState_pkey" PRIMARY KEY ("enrolmentId","activityKey")
);

CREATE INDEX "ContentPackage_createdById_idx" ON "ContentPackage"("createdById");

ALTER TABLE "Activity" ADD CONSTRAINT "Activity_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "PackageFile" ADD CONSTRAINT "PackageFile_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "PackageRuntimeState" ADD CONSTRAINT "PackageRuntimeState_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
