// Games: thin resolvers over lib/games. Errors of the rules (DomainError) reach
// the client with their code; see graphql/server.ts.
import { getLinkedArticle } from '../../lib/articles/get-article.ts';
import { evidenceOf, type AnswerView } from '../../lib/games/answer-view.ts';
import { gameAnswers, getGame } from '../../lib/games/game-answers.ts';
import { expireQuestion, nextQuestion, submitAnswer } from '../../lib/games/play.ts';
import { RULES_TEXT, timeLimitSeconds } from '../../lib/games/scoring.ts';
import { startGame } from '../../lib/games/start-game.ts';
import { publicChoices, type QuestionView } from '../../lib/questions/public-question.ts';
import { getQuiz } from '../../lib/quizzes/get-quiz.ts';
import type { GraphQLContext } from '../context.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

async function serve({ prisma }: GraphQLContext, gameId: string, playerToken: string): Promise<QuestionView | null> {
  const served = await nextQuestion(prisma, { gameId, playerToken });
  if (!served) return null;
  const limitMs = served.game.timeLimitSeconds * 1000;
  return {
    ...served.question,
    served: {
      number: served.number,
      timeLimitSeconds: served.game.timeLimitSeconds,
      timeRemainingMs: Math.max(0, limitMs - (Date.now() - served.servedAt.getTime())),
    },
  };
}

export const gameResolvers: Resolvers = {
  Query: {
    game: (_parent, { id }, { prisma }) => getGame(prisma, id),
    scoringRules: () => (['SPEED', 'ACCURACY'] as const).map((mode) => ({ mode, text: RULES_TEXT[mode], timeLimitSeconds: timeLimitSeconds(mode) })),
    nextQuestion: (_parent, { gameId, playerToken }, context) => serve(context, gameId, playerToken),
  },
  Mutation: {
    startGame: (_parent, { quizId, nickname, mode, playerToken }, { prisma }) => startGame(prisma, { quizId, nickname, mode, playerToken }),
    nextQuestion: (_parent, { gameId, playerToken }, context) => serve(context, gameId, playerToken),
    expireQuestion: async (_parent, { gameId, questionId, playerToken }, { prisma }) => {
      const outcome = await expireQuestion(prisma, { gameId, questionId, playerToken });
      return { ...outcome, score: outcome.game.score, streak: outcome.game.streak } satisfies AnswerView;
    },
    submitAnswer: async (_parent, { gameId, questionId, choiceId, playerToken }, { prisma }) => {
      const outcome = await submitAnswer(prisma, { gameId, questionId, choiceId, playerToken });
      return { ...outcome, score: outcome.game.score, streak: outcome.game.streak } satisfies AnswerView;
    },
  },
  Game: {
    quiz: async (game, _args, { prisma }) => (await getQuiz(prisma, game.quizId))!,
    nickname: async (game, _args, { prisma }) => (await prisma.player.findUniqueOrThrow({ where: { id: game.playerId }, select: { nickname: true } })).nickname,
    questionCount: (game) => game.questionIds.length,
    answeredCount: (game) => game.currentIndex,
    rules: (game) => RULES_TEXT[game.mode],
    answers: async (game, _args, { prisma }) => {
      let score = 0;
      let streak = 0;
      return (await gameAnswers(prisma, game)).map((answer): AnswerView => {
        score += answer.points;
        streak = answer.correct ? streak + 1 : 0;
        const { question, ...rest } = answer;
        return { game, question, correct: rest.correct, late: rest.late, chosenIndex: rest.choiceIndex, points: rest.points, score, streak };
      });
    },
  },
  AnswerResult: {
    chosenChoice: (answer) => (answer.chosenIndex === null ? null : publicChoices(answer.question)[answer.chosenIndex]!),
    correctChoice: (answer) => publicChoices(answer.question)[answer.question.answerIndex]!,
    explanation: (answer) => answer.question.explanation,
    evidence: (answer) => evidenceOf(answer.question),
  },
  Evidence: {
    article: (evidence, _args, { prisma }) => getLinkedArticle(prisma, evidence.articleId),
  },
  Question: {
    number: (question) => question.served?.number ?? null,
    timeLimitSeconds: (question) => question.served?.timeLimitSeconds ?? null,
    timeRemainingMs: (question) => question.served?.timeRemainingMs ?? null,
  },
};
