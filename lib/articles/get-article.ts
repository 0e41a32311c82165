// One article by id; null when there is none.
import type { PrismaClient } from '../db/prisma.ts';

export function getArticle(prisma: PrismaClient, id: string) {
  return prisma.article.findUnique({ where: { id } });
}
