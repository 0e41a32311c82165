// Starting a game: the quiz's current questions in a fixed order, a player
// (new, or the returning one whose token the browser kept) and the mode.
import type { PrismaClient } from '../db/prisma.ts';
import { DomainError } from '../domain-error.ts';
import { validNickname } from './nickname.ts';
import { createPlayerToken, hashPlayerToken } from './player-token.ts';
import { timeLimitSeconds, type ScoringMode } from './scoring.ts';
import { quizQuestions } from '../quizzes/get-quiz.ts';

export async function startGame(
  prisma: PrismaClient,
  input: { quizId: string; nickname: string; mode?: ScoringMode | null; playerToken?: string | null },
) {
  const nickname = validNickname(input.nickname);
  const mode = input.mode ?? 'SPEED';
  const quiz = await prisma.quiz.findUnique({ where: { id: input.quizId } });
  if (!quiz || quiz.retiredAt) throw new DomainError('NOT_FOUND', `There is no quiz with id ${input.quizId}`);
  const questions = await quizQuestions(prisma, quiz.id);
  if (!questions.length) throw new DomainError('QUIZ_EMPTY', 'This quiz has no questions yet');

  // A returning player keeps their identity (and may change their nickname).
  let token = input.playerToken ?? null;
  let player = token ? await prisma.player.findUnique({ where: { tokenHash: hashPlayerToken(token) } }) : null;
  if (player && player.nickname !== nickname) player = await prisma.player.update({ where: { id: player.id }, data: { nickname } });
  if (!player) {
    token = createPlayerToken();
    player = await prisma.player.create({ data: { nickname, tokenHash: hashPlayerToken(token) } });
  }
  const game = await prisma.game.create({
    data: { quizId: quiz.id, playerId: player.id, mode, questionIds: questions.map((q) => q.id), timeLimitSeconds: timeLimitSeconds(mode) },
  });
  return { game, playerToken: token! };
}
