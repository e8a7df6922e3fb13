-- A course withdrawn from the national library (lib/library/withdraw-from-library.ts).
ALTER TABLE "LibraryListing" ADD COLUMN "withdrawnAt" TIMESTAMP(3);
