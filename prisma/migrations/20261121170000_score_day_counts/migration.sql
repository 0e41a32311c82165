-- CreateTable
CREATE TABLE "score_day_counts" (
    "board" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "score_day_counts_pkey" PRIMARY KEY ("board","bucket","score","day")
);

-- The triggers keep score_day_counts beside score_counts.
CREATE OR REPLACE FUNCTION "count_score"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "score_counts" SET "count" = "count" - 1
      WHERE "board" IN ('', OLD."quiz_id") AND "bucket" = ANY ("score_buckets"(OLD."finished_at")) AND "score" = OLD."score";
    UPDATE "score_day_counts" SET "count" = "count" - 1
      WHERE "board" IN ('', OLD."quiz_id") AND "bucket" = ANY ("score_buckets"(OLD."finished_at")) AND "score" = OLD."score"
        AND "day" = (OLD."finished_at" AT TIME ZONE 'UTC')::date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "score_counts" ("board", "bucket", "score", "count")
      SELECT board, bucket, NEW."score", 1 FROM unnest(ARRAY['', NEW."quiz_id"]) AS board, unnest("score_buckets"(NEW."finished_at")) AS bucket
      ON CONFLICT ("board", "bucket", "score") DO UPDATE SET "count" = "score_counts"."count" + 1;
    INSERT INTO "score_day_counts" ("board", "bucket", "score", "day", "count")
      SELECT board, bucket, NEW."score", (NEW."finished_at" AT TIME ZONE 'UTC')::date, 1
      FROM unnest(ARRAY['', NEW."quiz_id"]) AS board, unnest("score_buckets"(NEW."finished_at")) AS bucket
      ON CONFLICT ("board", "bucket", "score", "day") DO UPDATE SET "count" = "score_day_counts"."count" + 1;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;

CREATE OR REPLACE FUNCTION "forget_score_counts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "score_counts";
  DELETE FROM "score_day_counts";
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "rebuild_score_counts"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "score_counts";
  DELETE FROM "score_day_counts";
  INSERT INTO "score_counts" ("board", "bucket", "score", "count")
    SELECT board, bucket, s."score", count(*)
    FROM "scores" s, unnest(ARRAY['', s."quiz_id"]) AS board, unnest("score_buckets"(s."finished_at")) AS bucket
    GROUP BY board, bucket, s."score";
  INSERT INTO "score_day_counts" ("board", "bucket", "score", "day", "count")
    SELECT board, bucket, s."score", (s."finished_at" AT TIME ZONE 'UTC')::date, count(*)
    FROM "scores" s, unnest(ARRAY['', s."quiz_id"]) AS board, unnest("score_buckets"(s."finished_at")) AS bucket
    GROUP BY board, bucket, s."score", (s."finished_at" AT TIME ZONE 'UTC')::date;
$$;

-- Fill the new table for scores already recorded.
SELECT "rebuild_score_counts"();
