// Articles: thin resolvers over lib/articles.
import { getArticle, getLinkedArticle } from '../../lib/articles/get-article.ts';
import { importArticle } from '../../lib/articles/import-article.ts';
import { getQuiz } from '../../lib/quizzes/get-quiz.ts';
import { listArticles } from '../../lib/articles/list-articles.ts';
import { blocksOf, readingMinutes } from '../../lib/articles/article-text.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const articleResolvers: Resolvers = {
  Query: {
    articles: (_parent, _args, { prisma }) => listArticles(prisma),
    article: (_parent, { id }, { prisma }) => getArticle(prisma, id),
  },
  Mutation: {
    importArticle: (_parent, args, { prisma, adminToken }) => importArticle(prisma, args, adminToken),
  },
  ArticleImport: {
    article: ({ articleId }, _args, { prisma }) => getLinkedArticle(prisma, articleId),
    quiz: ({ quizId }, _args, { prisma }) => (quizId ? getQuiz(prisma, quizId) : null),
  },
  Article: {
    blocks: (article) => blocksOf(article.body),
    readingMinutes: (article) => readingMinutes(article.wordCount),
  },
};
