-- A failed job's reason as a message key and its values, so its owner reads it in their language.
ALTER TABLE "IndicatorJob" ADD COLUMN "errorDetails" JSONB;
