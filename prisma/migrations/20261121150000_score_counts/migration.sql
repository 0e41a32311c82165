-- CreateTable
CREATE TABLE "score_counts" (
    "board" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "score_counts_pkey" PRIMARY KEY ("board","bucket","score")
);

-- Keep score_counts in step with scores: every score counts on the global board ('') and on its
-- quiz's board, all time, on its UTC day and in its ISO week.
CREATE FUNCTION "score_buckets"(finished_at TIMESTAMPTZ) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['all', 'd:' || to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'w:' || to_char(finished_at AT TIME ZONE 'UTC', 'IYYY-IW')]
$$;

CREATE FUNCTION "count_score"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "score_counts" ("board", "bucket", "score", "count")
      SELECT board, bucket, NEW."score", 1 FROM unnest(ARRAY['', NEW."quiz_id"]) AS board, unnest("score_buckets"(NEW."finished_at")) AS bucket
      ON CONFLICT ("board", "bucket", "score") DO UPDATE SET "count" = "score_counts"."count" + 1;
    RETURN NEW;
  END IF;
  UPDATE "score_counts" SET "count" = "count" - 1
    WHERE "board" IN ('', OLD."quiz_id") AND "bucket" = ANY ("score_buckets"(OLD."finished_at")) AND "score" = OLD."score";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "scores_counted" AFTER INSERT OR DELETE ON "scores" FOR EACH ROW EXECUTE FUNCTION "count_score"();

-- Recounts everything from scores (after a bulk load with the trigger off, or to repair).
CREATE FUNCTION "rebuild_score_counts"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "score_counts";
  INSERT INTO "score_counts" ("board", "bucket", "score", "count")
    SELECT board, bucket, s."score", count(*)
    FROM "scores" s, unnest(ARRAY['', s."quiz_id"]) AS board, unnest("score_buckets"(s."finished_at")) AS bucket
    GROUP BY board, bucket, s."score";
$$;
