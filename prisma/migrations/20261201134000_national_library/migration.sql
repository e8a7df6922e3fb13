-- The shared national library (lib/library): listings with their licence, adoptions, adaptation lineage.

-- CreateEnum
CREATE TYPE "ContentLicence" AS ENUM ('LICENCE_OUVERTE_2', 'CC_BY', 'CC_BY_SA', 'CC_BY_NC_SA', 'ALL_RIGHTS_RESERVED');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "adaptedFromId" TEXT,
ADD COLUMN     "adaptedFromVersion" INTEGER;

-- CreateTable
CREATE TABLE "LibraryListing" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "licence" "ContentLicence" NOT NULL,
    "authors" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LibraryListing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseAdoption" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "adoptedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseAdoption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Course_adaptedFromId_idx" ON "Course"("adaptedFromId");

-- CreateIndex
CREATE UNIQUE INDEX "LibraryListing_courseId_key" ON "LibraryListing"("courseId");

-- CreateIndex
CREATE INDEX "LibraryListing_publishedAt_idx" ON "LibraryListing"("publishedAt");

-- CreateIndex
CREATE INDEX "CourseAdoption_institutionId_idx" ON "CourseAdoption"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseAdoption_courseId_institutionId_key" ON "CourseAdoption"("courseId", "institutionId");

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_adaptedFromId_fkey" FOREIGN KEY ("adaptedFromId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryListing" ADD CONSTRAINT "LibraryListing_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAdoption" ADD CONSTRAINT "CourseAdoption_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAdoption" ADD CONSTRAINT "CourseAdoption_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
