// Stores an article read from a file, keyed by its path: new → created;
// same content hash → left alone (not even updated_at moves); changed → updated.
import type { PrismaClient } from '../db/prisma.ts';
import { parseArticleFile } from './parse-article-file.ts';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

export async function saveArticleFile(
  prisma: PrismaClient,
  file: { sourceFile: string; text: string },
): Promise<{ id: string; outcome: SaveOutcome }> {
  const parsed = parseArticleFile(file.text);
  const existing = await prisma.article.findUnique({
    where: { sourceFile: file.sourceFile },
    select: { id: true, contentHash: true },
  });
  if (existing?.contentHash === parsed.contentHash) return { id: existing.id, outcome: 'unchanged' };
  const data = {
    title: parsed.title,
    titleDerived: parsed.titleDerived,
    outlet: parsed.outlet,
    url: parsed.url,
    publishedAt: parsed.publishedAt,
    body: parsed.body,
    wordCount: parsed.wordCount,
    contentHash: parsed.contentHash,
  };
  const saved = await prisma.article.upsert({
    where: { sourceFile: file.sourceFile },
    create: { ...data, sourceFile: file.sourceFile },
    update: data,
    select: { id: true },
  });
  return { id: saved.id, outcome: existing ? 'updated' : 'created' };
}
