// A game's answers so far, with their questions: what the results screen
// shows. Only answered questions appear, so nothing here gives away a key
// the player has not yet earned.
import type { PrismaClient } from '../db/prisma.ts';

export function gameAnswers(prisma: PrismaClient, gameId: string) {
  return prisma.answer.findMany({ where: { gameId }, include: { question: true }, orderBy: { answeredAt: 'asc' } });
}

export function getGame(prisma: PrismaClient, id: string) {
  return prisma.game.findUnique({ where: { id } });
}
