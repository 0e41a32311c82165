// Classroom sessions: thin resolvers over lib/sessions. A session is always
// returned as a view for its viewer (host, student or anyone).
import type { PrismaClient } from '../../lib/db/prisma.ts';
import { evidenceOf } from '../../lib/games/answer-view.ts';
import { choiceId as publicChoiceId, publicChoices } from '../../lib/questions/public-question.ts';
import { answerSessionQuestion } from '../../lib/sessions/answer-session-question.ts';
import { createSession } from '../../lib/sessions/create-session.ts';
import { assertHost, lockSession, moveSession, removePlayer } from '../../lib/sessions/host-session.ts';
import { findSessionByCode, joinSession } from '../../lib/sessions/join-session.ts';
import { loadSessionSnapshot, playerIdOf, sessionView, viewOf, type SessionSnapshot, type SessionView } from '../../lib/sessions/session-view.ts';
import { reportCsv, sessionReport } from '../../lib/sessions/session-report.ts';
import { LatestValueStream } from '../../lib/sessions/session-updates.ts';
import type { ClassSession } from '../../lib/db/generated/client.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import type { GraphQLContext } from '../context.ts';

/** The view of a session for whoever holds these tokens; a wrong host token is FORBIDDEN, not a public view. */
export async function viewFor(prisma: PrismaClient, session: ClassSession, tokens: { hostToken?: string | null; playerToken?: string | null }) {
  if (tokens.hostToken) assertHost(session, tokens.hostToken);
  return sessionView(prisma, session, { host: Boolean(tokens.hostToken), playerToken: tokens.playerToken });
}

/**
 * The live view of a session for one viewer: the current view at once, then a
 * fresh one after every change this process hears of (from any process).
 */
async function followSession(
  context: GraphQLContext,
  args: { code: string; hostToken?: string | null; playerToken?: string | null },
): Promise<AsyncIterableIterator<SessionView>> {
  const { prisma, sessionUpdates } = context;
  const session = await findSessionByCode(prisma, args.code);
  if (args.hostToken) assertHost(session, args.hostToken);
  const viewer = { host: Boolean(args.hostToken), playerId: await playerIdOf(prisma, session.id, args.playerToken) };
  const stream: LatestValueStream<SessionSnapshot, SessionView> = new LatestValueStream(
    (snapshot) => viewOf(snapshot, viewer),
    (a, b) => a.session.version >= b.session.version,
    () => unsubscribe(),
  );
  // Subscribed before the first read, so no change between the two is missed.
  const unsubscribe = sessionUpdates.subscribe(session.id, { wantsAnswers: viewer.host, deliver: (snapshot) => stream.put(snapshot) });
  try {
    stream.put(await loadSessionSnapshot(prisma, session.id));
  } catch (error) {
    await stream.return();
    throw error;
  }
  return stream;
}

export const sessionResolvers: Resolvers = {
  Subscription: {
    sessionUpdated: {
      subscribe: (_parent, args, context) => followSession(context, args),
      resolve: (view: SessionView) => view,
    },
  },
  Query: {
    sessionReport: (_parent, { sessionId, hostToken }, { prisma }) => sessionReport(prisma, { sessionId, hostToken }),
    session: async (_parent, { code, hostToken, playerToken }, { prisma }) => viewFor(prisma, await findSessionByCode(prisma, code), { hostToken, playerToken }),
  },
  Mutation: {
    createSession: async (_parent, { quizId, settings }, { prisma }) => {
      const clean = settings ? Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null && v !== undefined)) : undefined;
      const { session, hostToken } = await createSession(prisma, { quizId, settings: clean });
      return { view: await sessionView(prisma, session, { host: true }), hostToken };
    },
    joinSession: async (_parent, { code, nickname }, { prisma }) => {
      const { session, player, playerToken } = await joinSession(prisma, { code, nickname });
      const view = await sessionView(prisma, session, { playerToken });
      return { view, playerToken, player: { id: player.id, nickname: player.nickname, score: player.score, correctCount: player.correctCount, rank: view.me?.rank ?? view.playerCount } };
    },
    moveSession: async (_parent, { sessionId, hostToken, action, expectedState, expectedQuestionNumber }, { prisma }) =>
      sessionView(prisma, await moveSession(prisma, { sessionId, hostToken, action, expectedState, expectedQuestionNumber }), { host: true }),
    lockSession: async (_parent, { sessionId, hostToken, locked }, { prisma }) => sessionView(prisma, await lockSession(prisma, { sessionId, hostToken, locked }), { host: true }),
    removePlayer: async (_parent, { sessionId, hostToken, playerId }, { prisma }) => sessionView(prisma, await removePlayer(prisma, { sessionId, hostToken, playerId }), { host: true }),
    answerSessionQuestion: async (_parent, { sessionId, questionId, choiceId, playerToken }, { prisma }) => {
      const receipt = await answerSessionQuestion(prisma, { sessionId, questionId, choiceId, playerToken });
      return { questionId: receipt.questionId, choiceId: publicChoiceId(receipt.questionId, receipt.choiceIndex), answeredAt: receipt.answeredAt };
    },
  },
  SessionHosting: {
    session: (hosting) => hosting.view,
  },
  SessionJoin: {
    session: (join) => join.view,
  },
  ClassSession: {
    id: (view) => view.session.id,
    code: (view) => view.session.code,
    joinPath: (view) => `/join/${view.session.code}`,
    state: (view) => view.session.state,
    quizTitle: (view) => view.quizTitle,
    questionNumber: (view) => view.session.currentIndex + 1,
    questionCount: (view) => view.session.questionIds.length,
    mode: (view) => view.session.mode,
    timeLimitSeconds: (view) => view.session.timeLimitSeconds,
    locked: (view) => view.session.locked,
    showLeaderboard: (view) => view.session.showLeaderboard,
    maxPlayers: (view) => view.session.maxPlayers,
    version: (view) => view.session.version,
    me: (view) => (view.me ? { ...view.me, question: view.reveal?.question ?? view.question } : null),
  },
  SessionReport: {
    sessionId: (report) => report.session.id,
    code: (report) => report.session.code,
    state: (report) => report.session.state,
    createdAt: (report) => report.session.createdAt,
    csv: (report) => reportCsv(report),
  },
  SessionQuestionReport: {
    correctChoice: (entry) => publicChoices(entry.question)[entry.question.answerIndex]!,
    evidence: (entry) => evidenceOf(entry.question),
    distribution: (entry) => entry.distribution.map((count, index) => ({ question: entry.question, index, count })),
  },
  SessionStudentAnswer: {
    choice: (answer) => (answer.choiceIndex === null ? null : publicChoices(answer.question)[answer.choiceIndex]!),
  },
  SessionReveal: {
    correctChoice: (reveal) => publicChoices(reveal.question)[reveal.question.answerIndex]!,
    explanation: (reveal) => reveal.question.explanation,
    evidence: (reveal) => evidenceOf(reveal.question),
    distribution: (reveal) => reveal.distribution.map((count, index) => ({ question: reveal.question, index, count })),
  },
  ChoiceCount: {
    choice: (entry) => publicChoices(entry.question)[entry.index]!,
  },
  SessionMe: {
    lastAnswer: (me) => (me.lastAnswer && me.question ? { ...me.lastAnswer, question: me.question } : null),
  },
  SessionAnswerOutcome: {
    choice: (outcome) => publicChoices(outcome.question)[outcome.choiceIndex]!,
  },
};

