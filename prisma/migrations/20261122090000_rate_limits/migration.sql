-- CreateTable
-- Rate-limit counters shared by every server process (rate-limiter-flexible's
-- PostgreSQL store): one row per limit and key, `expire` in epoch milliseconds.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
