-- CreateTable
CREATE TABLE "score_band_counts" (
    "board" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "band" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "score_band_counts_pkey" PRIMARY KEY ("board","bucket","band")
);

-- A score's band: 100 points wide (0–99 → 0, 100–199 → 1, …).
CREATE FUNCTION "score_band"(score INTEGER) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$ SELECT score / 100 $$;

-- Add one score to (delta = 1) or take it from (delta = -1) every count it is in.
CREATE FUNCTION "tally_score"(quiz TEXT, score INTEGER, finished TIMESTAMPTZ, delta INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "score_counts" ("board", "bucket", "score", "count")
    SELECT board, bucket, score, delta FROM unnest(ARRAY['', quiz]) AS board, unnest("score_buckets"(finished)) AS bucket
    ON CONFLICT ("board", "bucket", "score") DO UPDATE SET "count" = "score_counts"."count" + delta;
  INSERT INTO "score_band_counts" ("board", "bucket", "band", "count")
    SELECT board, bucket, "score_band"(score), delta FROM unnest(ARRAY['', quiz]) AS board, unnest("score_buckets"(finished)) AS bucket
    ON CONFLICT ("board", "bucket", "band") DO UPDATE SET "count" = "score_band_counts"."count" + delta;
  INSERT INTO "score_day_counts" ("board", "bucket", "score", "day", "count")
    SELECT board, bucket, score, (finished AT TIME ZONE 'UTC')::date, delta FROM unnest(ARRAY['', quiz]) AS board, unnest("score_buckets"(finished)) AS bucket
    ON CONFLICT ("board", "bucket", "score", "day") DO UPDATE SET "count" = "score_day_counts"."count" + delta;
$$;

CREATE OR REPLACE FUNCTION "count_score"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM "tally_score"(OLD."quiz_id", OLD."score", OLD."finished_at", -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "tally_score"(NEW."quiz_id", NEW."score", NEW."finished_at", 1);
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;

CREATE OR REPLACE FUNCTION "forget_score_counts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "score_counts";
  DELETE FROM "score_band_counts";
  DELETE FROM "score_day_counts";
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "rebuild_score_counts"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "score_counts";
  DELETE FROM "score_band_counts";
  DELETE FROM "score_day_counts";
  INSERT INTO "score_counts" ("board", "bucket", "score", "count")
    SELECT board, bucket, s."score", count(*)
    FROM "scores" s, unnest(ARRAY['', s."quiz_id"]) AS board, unnest("score_buckets"(s."finished_at")) AS bucket
    GROUP BY board, bucket, s."score";
  INSERT INTO "score_band_counts" ("board", "bucket", "band", "count")
    SELECT "board", "bucket", "score_band"("score"), sum("count") FROM "score_counts" GROUP BY "board", "bucket", "score_band"("score");
  INSERT INTO "score_day_counts" ("board", "bucket", "score", "day", "count")
    SELECT board, bucket, s."score", (s."finished_at" AT TIME ZONE 'UTC')::date, count(*)
    FROM "scores" s, unnest(ARRAY['', s."quiz_id"]) AS board, unnest("score_buckets"(s."finished_at")) AS bucket
    GROUP BY board, bucket, s."score", (s."finished_at" AT TIME ZONE 'UTC')::date;
$$;

SELECT "rebuild_score_counts"();
