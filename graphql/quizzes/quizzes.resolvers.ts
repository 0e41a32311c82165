// Quizzes and their questions: thin resolvers over lib/quizzes and
// lib/questions. A question exposes only what a player may see before answering.
import { getLinkedArticle } from '../../lib/articles/get-article.ts';
import { listArticleQuestions, publicChoices } from '../../lib/questions/public-question.ts';
import { getQuiz, quizArticles, quizQuestionCount, quizQuestions } from '../../lib/quizzes/get-quiz.ts';
import { listQuizzes } from '../../lib/quizzes/list-quizzes.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

export const quizResolvers: Resolvers = {
  Query: {
    quizzes: (_parent, { kind, articleId }, { prisma }) => listQuizzes(prisma, { kind, articleId }),
    quiz: (_parent, { id }, { prisma }) => getQuiz(prisma, id),
  },
  Article: {
    questions: (article, _args, { prisma }) => listArticleQuestions(prisma, article.id),
    quizzes: (article, _args, { prisma }) => listQuizzes(prisma, { articleId: article.id }),
  },
  Quiz: {
    articles: (quiz, _args, { prisma }) => quizArticles(prisma, quiz.id),
    questions: (quiz, _args, { prisma }) => quizQuestions(prisma, quiz.id),
    questionCount: (quiz, _args, { prisma }) => quizQuestionCount(prisma, quiz.id),
  },
  Question: {
    choices: (question) => publicChoices(question),
    // For WHAT_SAID and QUOTE_MATCH the quoted words are the answer: shown only in AnswerResult.
    quote: (question) => (question.type === 'WHO_SAID' || question.type === 'WHO_CALLED' ? question.quote : null),
    article: (question, _args, { prisma }) => getLinkedArticle(prisma, question.articleId),
  },
};
