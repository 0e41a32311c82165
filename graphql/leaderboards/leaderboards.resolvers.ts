// Leaderboards: thin resolvers over lib/leaderboards.
import { leaderboardPage, MAX_PAGE_SIZE, myRank } from '../../lib/leaderboards/leaderboard.ts';
import { getQuiz } from '../../lib/quizzes/get-quiz.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { DomainError } from '../../lib/domain-error.ts';

export const leaderboardResolvers: Resolvers = {
  Query: {
    leaderboard: async (_parent, { quizId, period, first, after }, { prisma }) => {
      if (first !== null && first !== undefined && (first < 1 || first > MAX_PAGE_SIZE)) throw new DomainError('BAD_USER_INPUT', `\`first\` must be between 1 and ${MAX_PAGE_SIZE}`);
      if (quizId && !(await getQuiz(prisma, quizId))) throw new DomainError('NOT_FOUND', `There is no quiz with id ${quizId}`);
      const chosen = period ?? 'ALL_TIME';
      const page = await leaderboardPage(prisma, { quizId, period: chosen, first: first ?? 10, after });
      return { ...page, quizId: quizId ?? null, period: chosen };
    },
  },
  LeaderboardPage: {
    entries: (page) => page.rows,
    pageInfo: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.endCursor }),
    quiz: (page, _args, { prisma }) => (page.quizId ? getQuiz(prisma, page.quizId) : null),
    myRank: (page, { playerToken }, { prisma }) => myRank(prisma, { quizId: page.quizId, period: page.period, playerToken }),
  },
  LeaderboardEntry: {
    quiz: async (entry, _args, { prisma }) => (await getQuiz(prisma, entry.quizId))!,
  },
};
