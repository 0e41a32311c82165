// The quizzes players can pick: one per article and one per story, current
// ones only (a quiz retires when its story changes).
import type { PrismaClient } from '../db/prisma.ts';
import type { QuizKind } from '../db/generated/client.ts';

export function listQuizzes(prisma: PrismaClient, filter: { kind?: QuizKind | null; articleId?: string | null } = {}) {
  return prisma.quiz.findMany({
    where: {
      retiredAt: null,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.articleId ? { articles: { some: { articleId: filter.articleId } } } : {}),
    },
    // Stories first (they compare outlets), then articles; newest first within each.
    orderBy: [{ kind: 'desc' }, { createdAt: 'desc' }, { title: 'asc' }],
  });
}
