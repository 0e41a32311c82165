-- CreateEnum
CREATE TYPE "scoring_mode" AS ENUM ('SPEED', 'ACCURACY');

-- CreateEnum
CREATE TYPE "game_status" AS ENUM ('ACTIVE', 'FINISHED');

-- CreateTable
CREATE TABLE "players" (
    "id" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "players_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "games" (
    "id" TEXT NOT NULL,
    "quiz_id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "mode" "scoring_mode" NOT NULL,
    "status" "game_status" NOT NULL DEFAULT 'ACTIVE',
    "question_ids" TEXT[],
    "time_limit_seconds" INTEGER NOT NULL,
    "current_index" INTEGER NOT NULL DEFAULT 0,
    "served_at" TIMESTAMPTZ(3),
    "score" INTEGER NOT NULL DEFAULT 0,
    "streak" INTEGER NOT NULL DEFAULT 0,
    "correct_count" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "games_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" TEXT NOT NULL,
    "game_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "choice_index" INTEGER,
    "correct" BOOLEAN NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "points" INTEGER NOT NULL,
    "response_ms" INTEGER NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scores" (
    "id" TEXT NOT NULL,
    "game_id" TEXT NOT NULL,
    "quiz_id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "mode" "scoring_mode" NOT NULL,
    "score" INTEGER NOT NULL,
    "correct_count" INTEGER NOT NULL,
    "question_count" INTEGER NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scores_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "players_token_hash_key" ON "players"("token_hash");

-- CreateIndex
CREATE INDEX "games_player_id_idx" ON "games"("player_id");

-- CreateIndex
CREATE INDEX "games_quiz_id_idx" ON "games"("quiz_id");

-- CreateIndex
CREATE INDEX "answers_question_id_idx" ON "answers"("question_id");

-- CreateIndex
CREATE UNIQUE INDEX "answers_game_id_question_id_key" ON "answers"("game_id", "question_id");

-- CreateIndex
CREATE UNIQUE INDEX "scores_game_id_key" ON "scores"("game_id");

-- CreateIndex
CREATE INDEX "scores_score_finished_at_id_idx" ON "scores"("score" DESC, "finished_at", "id");

-- CreateIndex
CREATE INDEX "scores_quiz_id_score_finished_at_id_idx" ON "scores"("quiz_id", "score" DESC, "finished_at", "id");

-- CreateIndex
CREATE INDEX "scores_finished_at_idx" ON "scores"("finished_at");

-- CreateIndex
CREATE INDEX "scores_player_id_idx" ON "scores"("player_id");

-- AddForeignKey
ALTER TABLE "games" ADD CONSTRAINT "games_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "games" ADD CONSTRAINT "games_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "games"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answers" ADD CONSTRAINT "answers_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_game_id_fkey" FOREIGN KEY ("game_id") REFERENCES "games"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scores" ADD CONSTRAINT "scores_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;
