-- CreateTable
CREATE TABLE "Cmi5Registration" (
    "id" UUID NOT NULL,
    "packageId" TEXT NOT NULL,
    "institutionId" TEXT,
    "enrolmentId" TEXT,
    "activityKey" TEXT,
    "actor" JSONB NOT NULL,
    "actorIfi" TEXT NOT NULL,
    "progress" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cmi5Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cmi5Session" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "auIndex" INTEGER NOT NULL,
    "launchMode" TEXT NOT NULL,
    "fetchTokenHash" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3),
    "authSecretHash" TEXT NOT NULL,
    "learnerPreferencesReadAt" TIMESTAMP(3),
    "initializedAt" TIMESTAMP(3),
    "terminatedAt" TIMESTAMP(3),
    "abandonedAt" TIMESTAMP(3),
    "lastRequestAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cmi5Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cmi5Registration_packageId_idx" ON "Cmi5Registration"("packageId");

-- CreateIndex
CREATE UNIQUE INDEX "Cmi5Registration_enrolmentId_activityKey_key" ON "Cmi5Registration"("enrolmentId", "activityKey");

-- CreateIndex
CREATE UNIQUE INDEX "Cmi5Session_fetchTokenHash_key" ON "Cmi5Session"("fetchTokenHash");

-- CreateIndex
CREATE INDEX "Cmi5Session_registrationId_auIndex_idx" ON "Cmi5Session"("registrationId", "auIndex");

-- AddForeignKey
ALTER TABLE "Cmi5Registration" ADD CONSTRAINT "Cmi5Registration_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ContentPackage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cmi5Session" ADD CONSTRAINT "Cmi5Session_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Cmi5Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
