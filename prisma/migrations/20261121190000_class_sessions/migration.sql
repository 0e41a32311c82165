-- CreateEnum
CREATE TYPE "session_state" AS ENUM ('LOBBY', 'QUESTION_OPEN', 'QUESTION_CLOSED', 'LEADERBOARD', 'FINISHED');

-- CreateTable
CREATE TABLE "class_sessions" (
    "id" TEXT NOT NULL,
    "code" CHAR(6) NOT NULL,
    "quiz_id" TEXT NOT NULL,
    "host_token_hash" CHAR(64) NOT NULL,
    "mode" "scoring_mode" NOT NULL,
    "time_limit_seconds" INTEGER NOT NULL,
    "question_ids" TEXT[],
    "show_leaderboard" BOOLEAN NOT NULL,
    "max_players" INTEGER NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "state" "session_state" NOT NULL DEFAULT 'LOBBY',
    "current_index" INTEGER NOT NULL DEFAULT -1,
    "question_opened_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "class_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_players" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "nickname_key" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "streak" INTEGER NOT NULL DEFAULT 0,
    "correct_count" INTEGER NOT NULL DEFAULT 0,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "session_players_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_answers" (
    "id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "choice_index" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "points" INTEGER NOT NULL,
    "response_ms" INTEGER NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_events" (
    "id" SERIAL NOT NULL,
    "session_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" "session_state" NOT NULL,
    "to_state" "session_state" NOT NULL,
    "index" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "class_sessions_code_key" ON "class_sessions"("code");

-- CreateIndex
CREATE UNIQUE INDEX "class_sessions_host_token_hash_key" ON "class_sessions"("host_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "session_players_token_hash_key" ON "session_players"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "session_players_session_id_nickname_key_key" ON "session_players"("session_id", "nickname_key");

-- CreateIndex
CREATE INDEX "session_answers_session_id_question_id_idx" ON "session_answers"("session_id", "question_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_answers_player_id_question_id_key" ON "session_answers"("player_id", "question_id");

-- CreateIndex
CREATE INDEX "session_events_session_id_id_idx" ON "session_events"("session_id", "id");

-- AddForeignKey
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_players" ADD CONSTRAINT "session_players_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_answers" ADD CONSTRAINT "session_answers_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_answers" ADD CONSTRAINT "session_answers_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "session_players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
