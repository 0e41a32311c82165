// Stores an article read from a file, keyed by its path: new → created;
// nothing to change → left alone (not even updated_at moves); otherwise
// updated. "Nothing to change" compares what the parser makes of the file, not
// only its hash, so an improved parser (a better derived title) reaches
// articles loaded before it.
import type { PrismaClient } from '../db/prisma.ts';
import type { Article } from '../db/generated/client.ts';
import { parseArticleFile } from './parse-article-file.ts';

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
  const parsed = parseArticleFile(file.text);
  const existing = await prisma.article.findUnique({ where: { sourceFile: file.sourceFile } });
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
  if (existing && sameArticle(existing, data)) return { id: existing.id, outcome: 'unchanged' };
  const saved = await prisma.article.upsert({
    where: { sourceFile: file.sourceFile },
    create: { ...data, sourceFile: file.sourceFile },
    update: data,
    select: { id: true },
  });
  return { id: saved.id, outcome: existing ? 'updated' : 'created' };
}
