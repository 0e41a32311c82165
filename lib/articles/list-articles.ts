// The article catalogue: newest publication first, undated articles after the
// dated ones, then by title so the order is stable.
import type { PrismaClient } from '../db/prisma.ts';

export function listArticles(prisma: PrismaClient) {
  return prisma.article.findMany({
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }],
  });
}
