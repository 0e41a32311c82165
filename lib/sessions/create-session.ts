// Hosting a session: the quiz's questions (filtered and cut as the settings
// say), a fresh join code, and a host token returned once (only its hash is
// stored).
import type { PrismaClient } from '../db/prisma.ts';
import { DomainError } from '../domain-error.ts';
import { createPlayerToken as createSecretToken, hashPlayerToken as hashSecretToken } from '../games/player-token.ts';
import { quizQuestions } from '../quizzes/get-quiz.ts';
import { createJoinCode } from './join-code.ts';
import { sessionSettingsSchema } from './session-settings.ts';

export async function createSession(prisma: PrismaClient, input: { quizId: string; settings?: unknown }) {
  const parsed = sessionSettingsSchema.safeParse(input.settings ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('BAD_USER_INPUT', `settings.${issue.path.join('.')} ${issue.message}`);
  }
  const settings = parsed.data;
  const quiz = await prisma.quiz.findUnique({ where: { id: input.quizId } });
  if (!quiz || quiz.retiredAt) throw new DomainError('NOT_FOUND', `There is no quiz with id ${input.quizId}`);
  let questions = await quizQuestions(prisma, quiz.id);
  if (settings.questionTypes) questions = questions.filter((q) => settings.questionTypes!.includes(q.type));
  if (settings.questionCount) questions = questions.slice(0, settings.questionCount);
  if (!questions.length) throw new DomainError('QUIZ_EMPTY', 'No questions of this quiz match the settings');

  const hostToken = createSecretToken();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const session = await prisma.classSession.create({
        data: {
          code: createJoinCode(),
          quizId: quiz.id,
          hostTokenHash: hashSecretToken(hostToken),
          mode: settings.mode,
          timeLimitSeconds: settings.timeLimitSeconds,
          questionIds: questions.map((q) => q.id),
          showLeaderboard: settings.showLeaderboard,
          maxPlayers: settings.maxPlayers,
        },
      });
      return { session, hostToken };
    } catch (error) {
      // A join code already taken (one in 25^6): draw another.
      if ((error as { code?: string }).code !== 'P2002' || attempt >= 5) throw error;
    }
  }
}
