// A game's answers so far, with their questions: what the results screen
// shows. Only answered questions appear, so nothing here gives away a key
// the player has not yet earned.
import type { PrismaClient } from '../db/prisma.ts';

/** In quiz order (questions a timed-out game skipped share one answer time, so time cannot order them). */
export async function gameAnswers(prisma: PrismaClient, game: { id: string; questionIds: string[] }) {
  const answers = await prisma.answer.findMany({ where: { gameId: game.id }, include: { question: true } });
  const position = new Map(game.questionIds.map((id, i) => [id, i]));
  return answers.sort((a, b) => position.get(a.questionId)! - position.get(b.questionId)!);
}

export function getGame(prisma: PrismaClient, id: string) {
  return prisma.game.findUnique({ where: { id } });
}
