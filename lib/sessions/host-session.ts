// What only the host can do, each with the host token: move the flow, lock
// the lobby, remove a player. Every move is stored (session_events) and
// announced to all server processes.
import type { PrismaClient } from '../db/prisma.ts';
import type { ClassSession, Prisma } from '../db/generated/client.ts';
import { DomainError } from '../domain-error.ts';
import { hashPlayerToken as hashSecretToken } from '../games/player-token.ts';
import { notifySessionChanged } from './notify.ts';
import { advance, FlowError, type SessionAction, type SessionState } from './session-flow.ts';

type Tx = Prisma.TransactionClient;

/** FORBIDDEN unless the token is this session's host token. */
export function assertHost(session: Pick<ClassSession, 'hostTokenHash'>, hostToken: string): void {
  if (session.hostTokenHash !== hashSecretToken(hostToken)) throw new DomainError('FORBIDDEN', 'This host token does not belong to this session');
}

/** The host token's session (for host views and reports). */
export async function sessionAsHost(prisma: Pick<PrismaClient, 'classSession'>, sessionId: string, hostToken: string): Promise<ClassSession> {
  const session = await prisma.classSession.findUnique({ where: { id: sessionId } });
  if (!session) throw new DomainError('NOT_FOUND', `There is no session with id ${sessionId}`);
  assertHost(session, hostToken);
  return session;
}

/**
 * Locks the session for the host. The token is checked before the lock (it
 * never changes), so requests with a wrong one never hold up the class; the
 * row and the database clock are read after it.
 */
async function lockAsHost(tx: Tx, sessionId: string, hostToken: string): Promise<ClassSession & { clock: Date }> {
  await sessionAsHost(tx, sessionId, hostToken);
  const [locked] = await tx.$queryRaw<{ clock: Date }[]>`SELECT clock_timestamp() AS clock FROM class_sessions WHERE id = ${sessionId} FOR UPDATE`;
  const session = await tx.classSession.findUniqueOrThrow({ where: { id: sessionId } });
  return { ...session, clock: locked!.clock };
}

/**
 * Adds the closed question's points and correct answers to the players and
 * moves their streaks: one more for a correct answer, back to 0 for a wrong,
 * late or missing one. Scores stay unchanged while the question is open.
 */
async function settleQuestion(tx: Tx, sessionId: string, questionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE session_players p
    SET score = p.score + COALESCE(a.points, 0),
        correct_count = p.correct_count + CASE WHEN a.correct THEN 1 ELSE 0 END,
        streak = CASE WHEN a.correct THEN p.streak + 1 ELSE 0 END
    FROM session_players p2
    LEFT JOIN session_answers a ON a.player_id = p2.id AND a.question_id = ${questionId}
    WHERE p.id = p2.id AND p2.session_id = ${sessionId}`;
}

export async function moveSession(
  prisma: PrismaClient,
  input: { sessionId: string; hostToken: string; action: SessionAction; expectedState?: SessionState | null; expectedQuestionNumber?: number | null },
): Promise<ClassSession> {
  return prisma.$transaction(async (tx) => {
    const session = await lockAsHost(tx, input.sessionId, input.hostToken);
    const stale =
      (input.expectedState != null && input.expectedState !== session.state) ||
      (input.expectedQuestionNumber != null && input.expectedQuestionNumber !== session.currentIndex + 1);
    if (stale) {
      throw new DomainError('STALE_MOVE', `The session has moved on (it is at question ${session.currentIndex + 1}, ${session.state}); refresh and try again`);
    }
    let next;
    try {
      next = advance({ state: session.state, index: session.currentIndex }, input.action, { questionCount: session.questionIds.length, showLeaderboard: session.showLeaderboard });
    } catch (error) {
      if (error instanceof FlowError) throw new DomainError('INVALID_MOVE', error.message);
      throw error;
    }
    // Closing a question (or ending during one) settles its answers.
    if (session.state === 'QUESTION_OPEN') await settleQuestion(tx, session.id, session.questionIds[session.currentIndex]!);
    const updated = await tx.classSession.update({
      where: { id: session.id },
      data: {
        state: next.state,
        currentIndex: next.index,
        questionOpenedAt: next.state === 'QUESTION_OPEN' ? session.clock : next.state === 'QUESTION_CLOSED' ? session.questionOpenedAt : null,
        finishedAt: next.state === 'FINISHED' ? session.clock : null,
        version: { increment: 1 },
      },
    });
    await tx.sessionEvent.create({ data: { sessionId: session.id, action: input.action, fromState: session.state, toState: next.state, index: next.index, at: session.clock } });
    await notifySessionChanged(tx, session.id, 'move');
    return updated;
  });
}

export async function lockSession(prisma: PrismaClient, input: { sessionId: string; hostToken: string; locked: boolean }): Promise<ClassSession> {
  return prisma.$transaction(async (tx) => {
    const session = await lockAsHost(tx, input.sessionId, input.hostToken);
    const updated = await tx.classSession.update({ where: { id: session.id }, data: { locked: input.locked, version: { increment: 1 } } });
    await notifySessionChanged(tx, session.id);
    return updated;
  });
}

export async function removePlayer(prisma: PrismaClient, input: { sessionId: string; hostToken: string; playerId: string }): Promise<ClassSession> {
  return prisma.$transaction(async (tx) => {
    const session = await lockAsHost(tx, input.sessionId, input.hostToken);
    const player = await tx.sessionPlayer.findUnique({ where: { id: input.playerId } });
    if (!player || player.sessionId !== session.id) throw new DomainError('NOT_FOUND', `There is no player ${input.playerId} in this session`);
    await tx.sessionPlayer.update({ where: { id: player.id }, data: { removedAt: player.removedAt ?? session.clock } });
    const updated = await tx.classSession.update({ where: { id: session.id }, data: { version: { increment: 1 } } });
    await notifySessionChanged(tx, session.id);
    return updated;
  });
}
