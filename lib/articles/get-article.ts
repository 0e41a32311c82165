// One article by id; null when there is none.
import type { PrismaClient } from '../db/prisma.ts';

export function getArticle(prisma: PrismaClient, id: string) {
  return prisma.article.findUnique({ where: { id } });
}

/** An article other rows point to (a question's, an answer's evidence): its absence is a broken invariant, not a user error. */
export async function getLinkedArticle(prisma: PrismaClient, id: string) {
  const article = await getArticle(prisma, id);
  if (!article) throw new Error(`article ${id} is missing`);
  return article;
}
