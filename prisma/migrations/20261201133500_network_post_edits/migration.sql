-- Editing and deleting posts and meetings: the edit mark, the deletion, the edit history.
ALTER TABLE "NetworkPost" ADD COLUMN "editedAt" TIMESTAMP(3),
ADD COLUMN "deletedAt" TIMESTAMP(3),
ADD COLUMN "deletedById" TEXT;

ALTER TABLE "NetworkEvent" ADD COLUMN "editedAt" TIMESTAMP(3);

CREATE TABLE "NetworkPostRevision" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "editedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkPostRevision_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "NetworkPostRevision_postId_createdAt_idx" ON "NetworkPostRevision"("postId", "createdAt");

ALTER TABLE "NetworkPostRevision" ADD CONSTRAINT "NetworkPostRevision_postId_fkey" FOREIGN KEY ("postId") REFERENCES "NetworkPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;
