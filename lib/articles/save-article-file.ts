// Stores an article read from a file, keyed by its path: new → created;
// nothing to change → left alone (not even updated_at moves); otherwise
// updated. "Nothing to change" compares what the parser makes of the file, not
// only its hash, so an improved parser (a better derived title) reaches
// articles loaded before it.
import type { PrismaClient } from '../db/prisma.ts';
import type { Article } from '../db/generated/client.ts';
import { parseArticleFile, type ParsedArticle } from './parse-article-file.ts';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

type ArticleData = Omit<Article, 'id' | 'sourceFile' | 'createdAt' | 'updatedAt'>;

function sameArticle(stored: Article, parsed: ArticleData): boolean {
  return (Object.keys(parsed) as (keyof ArticleData)[]).every((key) => {
    const a = stored[key];
    const b = parsed[key];
    return a instanceof Date || b instanceof Date ? a?.valueOf() === b?.valueOf() : a === b;
  });
}

export async function saveArticleFile(
  prisma: PrismaClient,
  file: { sourceFile: string; text: string },
): Promise<{ id: string; outcome: SaveOutcome }> {
  return saveParsedArticle(prisma, file.sourceFile, parseArticleFile(file.text));
}

/** The same, for a file already parsed; `existing` is its stored row when the caller has read it (null: none). */
export async function saveParsedArticle(
  prisma: PrismaClient,
  sourceFile: string,
  parsed: ParsedArticle,
  existing?: Article | null,
): Promise<{ id: string; outcome: SaveOutcome }> {
  const stored = existing === undefined ? await prisma.article.findUnique({ where: { sourceFile } }) : existing;
  const data: ArticleData = {
    title: parsed.title,
    titleDerived: parsed.titleDerived,
    outlet: parsed.outlet,
    url: parsed.url,
    publishedAt: parsed.publishedAt,
    body: parsed.body,
    wordCount: parsed.wordCount,
    contentHash: parsed.contentHash,
  };
  if (stored && sameArticle(stored, data)) return { id: stored.id, outcome: 'unchanged' };
  const saved = await prisma.article.upsert({
    where: { sourceFile },
    create: { ...data, sourceFile },
    update: data,
    select: { id: true },
  });
  return { id: saved.id, outcome: stored ? 'updated' : 'created' };
}
