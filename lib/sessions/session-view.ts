// What a session looks like to its viewers, built fresh from the database on
// every change: everyone sees the flow and the current question; the answer,
// the distribution and the evidence only once the host has closed it; the
// host also sees live answer counts and the players.
import { storedQuestion } from '../questions/stored-question.ts';
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
  me: (RankedPlayer & { streak: number; removed: boolean; answeredCurrent: boolean; lastAnswer: { correct: boolean; points: number; choiceIndex: number } | null }) | null;
}

const REVEALED = new Set(['QUESTION_CLOSED', 'LEADERBOARD', 'FINISHED']);

/**
 * Everything any viewer's view is made from, read once per change: a server
 * process pushing an update to many subscribers of one session loads one
 * snapshot and derives each viewer's view from it (viewOf).
 */
export interface SessionSnapshot {
  session: ClassSession;
  quizTitle: string;
  question: Question | null;
  /** The database clock when this was read (milliseconds since the epoch). */
  clock: number;
  /** Every player, removed ones included, best score first (an earlier join wins a tie). */
  players: { id: string; nickname: string; score: number; correctCount: number; streak: number; removed: boolean }[];
  /** The answers to the current question. */
  answers: { playerId: string; choiceIndex: number; correct: boolean; points: number }[];
}

export async function loadSessionSnapshot(prisma: PrismaClient, sessionOrId: ClassSession | string): Promise<SessionSnapshot> {
  const session = typeof sessionOrId === 'string' ? await prisma.classSession.findUniqueOrThrow({ where: { id: sessionOrId } }) : sessionOrId;
  const questionId = session.currentIndex >= 0 ? session.questionIds[session.currentIndex] : undefined;
  const [quiz, players, clock, question, answers] = await Promise.all([
    prisma.quiz.findUniqueOrThrow({ where: { id: session.quizId }, select: { title: true } }),
    prisma.sessionPlayer.findMany({
      where: { sessionId: session.id },
      orderBy: [{ score: 'desc' }, { joinedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, nickname: true, score: true, correctCount: true, streak: true, removedAt: true },
    }),
    prisma.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`,
    questionId ? storedQuestion(prisma, questionId) : null,
    questionId
      ? prisma.sessionAnswer.findMany({ where: { sessionId: session.id, questionId }, select: { playerId: true, choiceIndex: true, correct: true, points: true } })
      : [],
  ]);
  return {
    session,
    quizTitle: quiz.title,
    question,
    clock: clock[0]!.now.getTime(),
    players: players.map(({ removedAt, ...p }) => ({ ...p, removed: removedAt !== null })),
    answers,
  };
}

/** One viewer's view of a snapshot: the host's, a student's (by player id) or anyone's. */
export function viewOf(snapshot: SessionSnapshot, viewer: { host?: boolean; playerId?: string | null } = {}): SessionView {
  const { session, question } = snapshot;
  // A removed student's answers leave the live count and the distribution (the report lists them apart).
  const removed = new Set(snapshot.players.filter((p) => p.removed).map((p) => p.id));
  const answers = snapshot.answers.filter((a) => !removed.has(a.playerId));
  const ranked: RankedPlayer[] = snapshot.players
    .filter((p) => !p.removed)
    .map((p, i) => ({ id: p.id, nickname: p.nickname, score: p.score, correctCount: p.correctCount, rank: i + 1 }));
  const revealed = question && REVEALED.has(session.state) ? question : null;
  const timeRemainingMs =
    session.state === 'QUESTION_OPEN' && session.questionOpenedAt
      ? Math.max(0, session.timeLimitSeconds * 1000 - (snapshot.clock - session.questionOpenedAt.getTime()))
      : null;

  let me: SessionView['me'] = null;
  const player = viewer.playerId ? snapshot.players.find((p) => p.id === viewer.playerId) : undefined;
  if (player) {
    const mine = answers.find((a) => a.playerId === player.id);
    me = {
      id: player.id,
      nickname: player.nickname,
      score: player.score,
      correctCount: player.correctCount,
      rank: ranked.find((p) => p.id === player.id)?.rank ?? 0,
      streak: player.streak,
      removed: player.removed,
      answeredCurrent: Boolean(mine),
      lastAnswer: mine && revealed ? { correct: mine.correct, points: mine.points, choiceIndex: mine.choiceIndex } : null,
    };
  }
  return {
    session,
    quizTitle: snapshot.quizTitle,
    question,
    timeRemainingMs,
    playerCount: ranked.length,
    reveal: revealed ? { question: revealed, distribution: revealed.choices.map((_, i) => answers.filter((a) => a.choiceIndex === i).length), answerCount: answers.length } : null,
    leaderboard: session.state === 'LEADERBOARD' || session.state === 'FINISHED' ? ranked.slice(0, session.state === 'FINISHED' ? 10 : 5) : null,
    host: viewer.host
      ? { answerCount: answers.length, players: ranked, allowedActions: allowedActions({ state: session.state, index: session.currentIndex }, { questionCount: session.questionIds.length, showLeaderboard: session.showLeaderboard }) }
      : null,
    me,
  };
}

/** The player a token belongs to, if they are in this session. */
export async function playerIdOf(prisma: PrismaClient, sessionId: string, playerToken: string | null | undefined): Promise<string | null> {
  if (!playerToken) return null;
  const player = await prisma.sessionPlayer.findUnique({ where: { tokenHash: hashPlayerToken(playerToken) }, select: { id: true, sessionId: true } });
  return player && player.sessionId === sessionId ? player.id : null;
}

export async function sessionView(
  prisma: PrismaClient,
  session: ClassSession,
  viewer: { host?: boolean; playerToken?: string | null } = {},
): Promise<SessionView> {
  const [snapshot, playerId] = await Promise.all([loadSessionSnapshot(prisma, session), playerIdOf(prisma, session.id, viewer.playerToken)]);
  return viewOf(snapshot, { host: viewer.host, playerId });
}
