// One quiz with its articles and questions, in quiz order.
import type { PrismaClient } from '../db/prisma.ts';

export function getQuiz(prisma: PrismaClient, id: string) {
  return prisma.quiz.findUnique({ where: { id } });
}

export async function quizArticles(prisma: PrismaClient, quizId: string) {
  const links = await prisma.quizArticle.findMany({ where: { quizId }, orderBy: { position: 'asc' }, include: { article: true } });
  return links.map((l) => l.article);
}

export async function quizQuestions(prisma: PrismaClient, quizId: string) {
  const links = await prisma.quizQuestion.findMany({ where: { quizId, question: { retiredAt: null } }, orderBy: { position: 'asc' }, include: { question: true } });
  return links.map((l) => l.question);
}

export function quizQuestionCount(prisma: PrismaClient, quizId: string) {
  return prisma.quizQuestion.count({ where: { quizId, question: { retiredAt: null } } });
}
