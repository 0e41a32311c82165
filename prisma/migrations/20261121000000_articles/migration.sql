-- CreateTable
CREATE TABLE "articles" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_derived" BOOLEAN NOT NULL DEFAULT false,
    "outlet" TEXT,
    "url" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "body" TEXT NOT NULL,
    "word_count" INTEGER NOT NULL,
    "source_file" TEXT,
    "content_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "articles_source_file_key" ON "articles"("source_file");

-- CreateIndex
CREATE INDEX "articles_published_at_idx" ON "articles"("published_at" DESC);
