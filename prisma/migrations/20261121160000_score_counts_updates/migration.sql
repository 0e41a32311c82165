-- score_counts also follows a score that is changed (score, finish time or quiz) and a TRUNCATE.
CREATE OR REPLACE FUNCTION "count_score"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "score_counts" SET "count" = "count" - 1
      WHERE "board" IN ('', OLD."quiz_id") AND "bucket" = ANY ("score_buckets"(OLD."finished_at")) AND "score" = OLD."score";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "score_counts" ("board", "bucket", "score", "count")
      SELECT board, bucket, NEW."score", 1 FROM unnest(ARRAY['', NEW."quiz_id"]) AS board, unnest("score_buckets"(NEW."finished_at")) AS bucket
      ON CONFLICT ("board", "bucket", "score") DO UPDATE SET "count" = "score_counts"."count" + 1;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;

DROP TRIGGER "scores_counted" ON "scores";
CREATE TRIGGER "scores_counted" AFTER INSERT OR DELETE OR UPDATE OF "score", "finished_at", "quiz_id" ON "scores" FOR EACH ROW EXECUTE FUNCTION "count_score"();

CREATE FUNCTION "forget_score_counts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "score_counts";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "scores_truncated" AFTER TRUNCATE ON "scores" FOR EACH STATEMENT EXECUTE FUNCTION "forget_score_counts"();

-- CreateIndex
CREATE INDEX "games_status_idx" ON "games"("status");
