-- Network posting is rate-limited by the shared PostgreSQL limiter (RateLimitBucket, lib/security/rate-limit.ts):
-- the networks' own event table is no longer used.
DROP TABLE "NetworkRateEvent";
