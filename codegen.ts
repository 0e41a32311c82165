// GraphQL Code Generator: resolver types from the SDL in graphql/ (mapped to
// the Prisma models, so a resolver returning the wrong shape does not compile)
// and a typed `graphql()` for the documents the pages send.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'graphql/**/*.graphql',
  documents: ['app/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#GraphQLContext',
        mappers: {
          Article: '../../lib/db/generated/client.ts#Article as ArticleModel',
          Person: '../../lib/db/generated/client.ts#ArticleEntity as ArticleEntityModel',
          Organization: '../../lib/db/generated/client.ts#ArticleEntity as ArticleEntityModel',
          Quote: '../../lib/db/generated/client.ts#Quote as QuoteModel',
          Question: '../../lib/questions/public-question.ts#QuestionView',
          Game: '../../lib/db/generated/client.ts#Game as GameModel',
          AnswerResult: '../../lib/games/answer-view.ts#AnswerView',
          Evidence: '../../lib/games/answer-view.ts#EvidenceView',
          LeaderboardEntry: '../../lib/leaderboards/leaderboard.ts#LeaderboardRow',
          LeaderboardPage: '../../lib/leaderboards/leaderboard.ts#LeaderboardPageView',
          ClassSession: '../../lib/sessions/session-view.ts#SessionView',
          SessionPlayer: '../../lib/sessions/session-view.ts#RankedPlayer',
          SessionReveal: '../../lib/sessions/session-view.ts#RevealView',
          SessionHostView: '../../lib/sessions/session-view.ts#HostView',
          SessionMe: '../../lib/sessions/session-view.ts#MeView',
          SessionAnswerOutcome: '../../lib/sessions/session-view.ts#OutcomeView',
          ChoiceCount: '../../lib/sessions/session-view.ts#ChoiceCountView',
          SessionHosting: '../../lib/sessions/session-view.ts#HostingView',
          SessionJoin: '../../lib/sessions/session-view.ts#JoinView',
          SessionReport: '../../lib/sessions/session-report.ts#SessionReportView',
          SessionQuestionReport: '../../lib/sessions/session-report.ts#ReportQuestion',
          SessionStudentReport: '../../lib/sessions/session-report.ts#ReportStudent',
          SessionStudentAnswer: '../../lib/sessions/session-report.ts#ReportAnswer',
          Quiz: '../../lib/db/generated/client.ts#Quiz as QuizModel',
          ArticleImport: '../../lib/articles/import-article.ts#ImportResult',
          Choice: '../../lib/questions/public-question.ts#PublicChoice',
        },
        scalars: { DateTime: { input: 'Date', output: 'Date | string' } },
      },
    },
    'graphql/generated/client/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
