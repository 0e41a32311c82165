// People, organisations and quotations of an article: thin resolvers over lib/articles.
import { getLinkedArticle } from '../../lib/articles/get-article.ts';
import { getEntity, listOrganizations, listPeople, listQuotes, listQuotesBySpeaker } from '../../lib/articles/article-analysis.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const analysisResolvers: Resolvers = {
  Article: {
    people: (article, _args, { prisma }) => listPeople(prisma, article.id),
    organizations: (article, _args, { prisma }) => listOrganizations(prisma, article.id),
    quotes: (article, _args, { prisma }) => listQuotes(prisma, article.id),
  },
  Person: {
    article: (person, _args, { prisma }) => getLinkedArticle(prisma, person.articleId),
    quotes: (person, _args, { prisma }) => listQuotesBySpeaker(prisma, person.id),
  },
  Organization: {
    kind: (organization) => (organization.kind === 'PERSON' ? 'ORGANIZATION' : organization.kind),
  },
  Quote: {
    start: (quote) => quote.startOffset,
    end: (quote) => quote.endOffset,
    speaker: async (quote, _args, { prisma }) => (quote.speakerId && quote.speakerKind === 'PERSON' ? getEntity(prisma, quote.speakerId) : null),
    sentence: async (quote, _args, { prisma }) => (await getLinkedArticle(prisma, quote.articleId)).body.slice(quote.sentenceStart, quote.sentenceEnd),
    article: (quote, _args, { prisma }) => getLinkedArticle(prisma, quote.articleId),
  },
};
