-- related_activities reads an activity's statements newest first along one btree
-- (XapiStatementActivity) instead of a GIN index that cannot give `seq` order (see schema.prisma).

-- CreateTable (the primary key is added after the backfill: one sorted build instead of
-- millions of single-row index insertions on a large store).
CREATE TABLE "XapiStatementActivity" (
    "activityId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL
);

-- Backfill: relatedActivities is already de-duplicated per statement (lib/lrs/statement-columns.ts).
INSERT INTO "XapiStatementActivity" ("activityId", "seq")
SELECT unnest("relatedActivities"), "seq" FROM "XapiStatement";

ALTER TABLE "XapiStatementActivity" ADD CONSTRAINT "XapiStatementActivity_pkey" PRIMARY KEY ("activityId","seq");
-- Statistics now, not at autovacuum's next pass: the planner reads them to pick join orders.
ANALYZE "XapiStatementActivity";

-- DropIndex
DROP INDEX "XapiStatement_relatedActivities_idx";
