// People, organisations and quotations of an article: thin resolvers over lib/articles.
import { getArticle } from '../../lib/articles/get-article.ts';
import { getEntity, listOrganizations, listPeople, listQuotes, listQuotesBySpeaker } from '../../lib/articles/article-analysis.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

async function articleOrThrow(prisma: Parameters<typeof getArticle>[0], id: string) {
  const article = await getArticle(prisma, id);
  if (!article) throw new Error(`article ${id} is missing`);
  return article;
}

export const analysisResolvers: Resolvers = {
  Article: {
    people: (article, _args, { prisma }) => listPeople(prisma, article.id),
    organizations: (article, _args, { prisma }) => listOrganizations(prisma, article.id),
    quotes: (article, _args, { prisma }) => listQuotes(prisma, article.id),
  },
  Person: {
    article: (person, _args, { prisma }) => articleOrThrow(prisma, person.articleId),
    quotes: (person, _args, { prisma }) => listQuotesBySpeaker(prisma, person.id),
  },
  Organization: {
    kind: (organization) => (organization.kind === 'PERSON' ? 'ORGANIZATION' : organization.kind),
  },
  Quote: {
    start: (quote) => quote.startOffset,
    end: (quote) => quote.endOffset,
    speaker: async (quote, _args, { prisma }) => (quote.speakerId && quote.speakerKind === 'PERSON' ? getEntity(prisma, quote.speakerId) : null),
    sentence: async (quote, _args, { prisma }) => (await articleOrThrow(prisma, quote.articleId)).body.slice(quote.sentenceStart, quote.sentenceEnd),
    article: (quote, _args, { prisma }) => articleOrThrow(prisma, quote.articleId),
  },
};
