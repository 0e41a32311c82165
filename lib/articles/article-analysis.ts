// Reading the stored analysis of an article: the people and organisations it
// names and its quotations.
import type { PrismaClient } from '../db/prisma.ts';

export function listPeople(prisma: PrismaClient, articleId: string) {
  return prisma.articleEntity.findMany({ where: { articleId, kind: 'PERSON' }, orderBy: { position: 'asc' } });
}

export function listOrganizations(prisma: PrismaClient, articleId: string) {
  return prisma.articleEntity.findMany({ where: { articleId, kind: { in: ['ORGANIZATION', 'OUTLET', 'PLACE'] } }, orderBy: { position: 'asc' } });
}

export function listQuotes(prisma: PrismaClient, articleId: string) {
  return prisma.quote.findMany({ where: { articleId }, orderBy: { position: 'asc' } });
}

export function listQuotesBySpeaker(prisma: PrismaClient, speakerId: string) {
  return prisma.quote.findMany({ where: { speakerId }, orderBy: { position: 'asc' } });
}

export function getEntity(prisma: PrismaClient, id: string) {
  return prisma.articleEntity.findUnique({ where: { id } });
}
