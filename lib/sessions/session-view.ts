// What a session looks like to its viewers, built fresh from the database on
// every change: everyone sees the flow and the current question; the answer,
// the distribution and the evidence only once the host has closed it; the
// host also sees live answer counts and the players.
import type { PrismaClient } from '../db/prisma.ts';
import type { ClassSession, Question } from '../db/generated/client.ts';
import { hashPlayerToken } from '../games/player-token.ts';
import { allowedActions, type SessionAction } from './session-flow.ts';

export interface RankedPlayer {
  id: string;
  nickname: string;
  score: number;
  correctCount: number;
  rank: number;
}

export type RevealView = NonNullable<SessionView['reveal']>;
export type HostView = NonNullable<SessionView['host']>;
export type MeView = NonNullable<SessionView['me']> & { question: Question | null };
export type OutcomeView = { correct: boolean; points: number; choiceIndex: number; question: Question };
export type ChoiceCountView = { question: Question; index: number; count: number };
export type HostingView = { view: SessionView; hostToken: string };
export type JoinView = { view: SessionView; playerToken: string; player: RankedPlayer };

export interface SessionView {
  session: ClassSession;
  quizTitle: string;
  question: Question | null;
  /** Milliseconds left on the open question, by the database clock. */
  timeRemainingMs: number | null;
  playerCount: number;
  /** Shown once the current question is closed. */
  reveal: { question: Question; distribution: number[]; answerCount: number } | null;
  /** Top of the session's leaderboard: shown on the leaderboard screen and the podium. */
  leaderboard: RankedPlayer[] | null;
  /** Host only. */
  host: { answerCount: number; players: RankedPlayer[]; allowedActions: SessionAction[] } | null;
  /** The viewing student, when a player token is given. */
  me: (RankedPlayer & { streak: number; answeredCurrent: boolean; lastAnswer: { correct: boolean; points: number; choiceIndex: number } | null }) | null;
}

const REVEALED = new Set(['QUESTION_CLOSED', 'LEADERBOARD', 'FINISHED']);

async function rankedPlayers(prisma: PrismaClient, sessionId: string): Promise<RankedPlayer[]> {
  const players = await prisma.sessionPlayer.findMany({
    where: { sessionId, removedAt: null },
    orderBy: [{ score: 'desc' }, { joinedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, nickname: true, score: true, correctCount: true },
  });
  return players.map((p, i) => ({ ...p, rank: i + 1 }));
}

export async function sessionView(
  prisma: PrismaClient,
  session: ClassSession,
  viewer: { host?: boolean; playerToken?: string | null } = {},
): Promise<SessionView> {
  const [quiz, players, clock] = await Promise.all([
    prisma.quiz.findUniqueOrThrow({ where: { id: session.quizId }, select: { title: true } }),
    rankedPlayers(prisma, session.id),
    prisma.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`,
  ]);
  const questionId = session.currentIndex >= 0 ? session.questionIds[session.currentIndex] : undefined;
  const question = questionId ? await prisma.question.findUnique({ where: { id: questionId } }) : null;
  const answers = question ? await prisma.sessionAnswer.findMany({ where: { sessionId: session.id, questionId: question.id }, select: { playerId: true, choiceIndex: true, correct: true, points: true } }) : [];
  const revealed = question && REVEALED.has(session.state) ? question : null;
  const now = clock[0]!.now.getTime();
  const timeRemainingMs =
    session.state === 'QUESTION_OPEN' && session.questionOpenedAt ? Math.max(0, session.timeLimitSeconds * 1000 - (now - session.questionOpenedAt.getTime())) : null;

  let me: SessionView['me'] = null;
  if (viewer.playerToken) {
    const player = await prisma.sessionPlayer.findUnique({ where: { tokenHash: hashPlayerToken(viewer.playerToken) } });
    if (player && player.sessionId === session.id) {
      const ranked = players.find((p) => p.id === player.id);
      const mine = answers.find((a) => a.playerId === player.id);
      me = {
        id: player.id,
        nickname: player.nickname,
        score: player.score,
        correctCount: player.correctCount,
        rank: ranked?.rank ?? players.length + 1,
        streak: player.streak,
        answeredCurrent: Boolean(mine),
        lastAnswer: mine && revealed ? { correct: mine.correct, points: mine.points, choiceIndex: mine.choiceIndex } : null,
      };
    }
  }
  return {
    session,
    quizTitle: quiz.title,
    question,
    timeRemainingMs,
    playerCount: players.length,
    reveal: revealed ? { question: revealed, distribution: revealed.choices.map((_, i) => answers.filter((a) => a.choiceIndex === i).length), answerCount: answers.length } : null,
    leaderboard: session.state === 'LEADERBOARD' || session.state === 'FINISHED' ? players.slice(0, session.state === 'FINISHED' ? 10 : 5) : null,
    host: viewer.host
      ? { answerCount: answers.length, players, allowedActions: allowedActions({ state: session.state, index: session.currentIndex }, { questionCount: session.questionIds.length, showLeaderboard: session.showLeaderboard }) }
      : null,
    me,
  };
}
