-- CreateEnum
CREATE TYPE "entity_kind" AS ENUM ('PERSON', 'ORGANIZATION', 'OUTLET', 'PLACE');

-- CreateEnum
CREATE TYPE "speaker_kind" AS ENUM ('PERSON', 'ORGANIZATION', 'OUTLET', 'PLACE', 'SOURCE');

-- CreateEnum
CREATE TYPE "quote_kind" AS ENUM ('DIRECT', 'PARTIAL', 'SCARE');

-- CreateEnum
CREATE TYPE "question_type" AS ENUM ('WHO_SAID', 'WHO_CALLED', 'WHAT_SAID', 'SOURCE', 'FACT_OR_OPINION', 'NUMBER', 'QUOTE_MATCH');

-- CreateEnum
CREATE TYPE "quiz_kind" AS ENUM ('ARTICLE', 'STORY');

-- CreateTable
CREATE TABLE "article_entities" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "kind" "entity_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "titles" TEXT[],
    "position" INTEGER NOT NULL,

    CONSTRAINT "article_entities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quotes" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "kind" "quote_kind" NOT NULL,
    "cue" TEXT,
    "speaker_kind" "speaker_kind",
    "speaker_name" TEXT,
    "speaker_id" TEXT,
    "sentence_start" INTEGER NOT NULL,
    "sentence_end" INTEGER NOT NULL,

    CONSTRAINT "quotes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questions" (
    "id" TEXT NOT NULL,
    "key" CHAR(64) NOT NULL,
    "article_id" TEXT NOT NULL,
    "type" "question_type" NOT NULL,
    "prompt" TEXT NOT NULL,
    "choices" TEXT[],
    "answer_index" INTEGER NOT NULL,
    "quote" TEXT,
    "explanation" TEXT NOT NULL,
    "evidence_text" TEXT NOT NULL,
    "evidence_start" INTEGER NOT NULL,
    "evidence_end" INTEGER NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quizzes" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "quiz_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quizzes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_articles" (
    "quiz_id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "quiz_articles_pkey" PRIMARY KEY ("quiz_id","article_id")
);

-- CreateTable
CREATE TABLE "quiz_questions" (
    "quiz_id" TEXT NOT NULL,
    "question_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "quiz_questions_pkey" PRIMARY KEY ("quiz_id","question_id")
);

-- CreateTable
CREATE TABLE "question_builds" (
    "id" SERIAL NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_builds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_entities_article_id_kind_name_key" ON "article_entities"("article_id", "kind", "name");

-- CreateIndex
CREATE INDEX "quotes_article_id_position_idx" ON "quotes"("article_id", "position");

-- CreateIndex
CREATE INDEX "quotes_speaker_id_idx" ON "quotes"("speaker_id");

-- CreateIndex
CREATE UNIQUE INDEX "questions_key_key" ON "questions"("key");

-- CreateIndex
CREATE INDEX "questions_article_id_idx" ON "questions"("article_id");

-- CreateIndex
CREATE UNIQUE INDEX "quizzes_slug_key" ON "quizzes"("slug");

-- CreateIndex
CREATE INDEX "quiz_articles_article_id_idx" ON "quiz_articles"("article_id");

-- CreateIndex
CREATE INDEX "quiz_questions_question_id_idx" ON "quiz_questions"("question_id");

-- AddForeignKey
ALTER TABLE "article_entities" ADD CONSTRAINT "article_entities_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "article_entities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questions" ADD CONSTRAINT "questions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_articles" ADD CONSTRAINT "quiz_articles_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_articles" ADD CONSTRAINT "quiz_articles_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_questions" ADD CONSTRAINT "quiz_questions_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
