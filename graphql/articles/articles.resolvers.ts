// Articles: thin resolvers over lib/articles.
import { getArticle } from '../../lib/articles/get-article.ts';
import { listArticles } from '../../lib/articles/list-articles.ts';
import { blocksOf, readingMinutes } from '../../lib/articles/article-text.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const articleResolvers: Resolvers = {
  Query: {
    articles: (_parent, _args, { prisma }) => listArticles(prisma),
    article: (_parent, { id }, { prisma }) => getArticle(prisma, id),
  },
  Article: {
    blocks: (article) => blocksOf(article.body),
    readingMinutes: (article) => readingMinutes(article.wordCount),
  },
};
