-- CreateTable
CREATE TABLE "XapiAttachment" (
    "sha2" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "XapiAttachment_pkey" PRIMARY KEY ("sha2")
);

