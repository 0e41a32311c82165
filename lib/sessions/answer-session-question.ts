// A student's answer in a session: the gameplay rules and the server's clock,
// timed from when the host opened the question. The session row is share-
// locked, so answers run side by side while the host's "close" waits for them
// (and an answer after the close is refused with QUESTION_CLOSED). Only the
// answer is stored here: scores, streaks and correct counts change when the
// host closes the question (settleQuestion), so nothing a student can see
// gives the answer away while the question is open.
import type { PrismaClient } from '../db/prisma.ts';
import { DomainError } from '../domain-error.ts';
import { scoreAnswer, type ScoringMode } from '../games/scoring.ts';
import { choiceIndexOf } from '../questions/public-question.ts';
import { storedQuestion } from '../questions/stored-question.ts';
import { playerOf } from './join-session.ts';
import { notifySessionChanged } from './notify.ts';

interface SessionRow {
  id: string;
  state: string;
  mode: ScoringMode;
  currentIndex: number;
  questionIds: string[];
  questionOpenedAt: Date | null;
  timeLimitSeconds: number;
  clock: Date;
}

export async function answerSessionQuestion(
  prisma: PrismaClient,
  input: { sessionId: string; questionId: string; choiceId: string; playerToken: string },
): Promise<{ questionId: string; choiceIndex: number; answeredAt: Date }> {
  // Outside the transaction: questions never change once stored (an edited article retires them).
  const question = await storedQuestion(prisma, input.questionId);
  return prisma.$transaction(async (tx) => {
    // One round trip: the share lock, the flow's position and the database clock.
    const [session] = await tx.$queryRaw<SessionRow[]>`
      SELECT id, state::text AS state, mode::text AS mode, current_index AS "currentIndex", question_ids AS "questionIds",
             question_opened_at AS "questionOpenedAt", time_limit_seconds AS "timeLimitSeconds", clock_timestamp() AS clock
      FROM class_sessions WHERE id = ${input.sessionId} FOR SHARE`;
    if (!session) throw new DomainError('NOT_FOUND', `There is no session with id ${input.sessionId}`);
    const player = await playerOf(tx, session.id, input.playerToken);
    const position = session.questionIds.indexOf(input.questionId);
    if (position === -1 || !question) throw new DomainError('BAD_USER_INPUT', `Question ${input.questionId} is not part of this session`);
    if (position < session.currentIndex || (position === session.currentIndex && session.state !== 'QUESTION_OPEN')) {
      throw new DomainError('QUESTION_CLOSED', 'The host has closed this question');
    }
    if (session.state === 'FINISHED') throw new DomainError('SESSION_FINISHED', 'This session is over');
    if (position > session.currentIndex || session.state !== 'QUESTION_OPEN') throw new DomainError('QUESTION_NOT_OPEN', 'This question is not open yet');
    const choiceIndex = choiceIndexOf(question, input.choiceId);

    const responseMs = Math.max(0, Math.min(session.clock.getTime() - session.questionOpenedAt!.getTime(), session.timeLimitSeconds * 1000 + 60_000));
    const correct = choiceIndex === question.answerIndex;
    const result = scoreAnswer({ mode: session.mode, correct, responseMs, timeLimitMs: session.timeLimitSeconds * 1000, streakBefore: player.streak });
    try {
      await tx.sessionAnswer.create({
        data: { sessionId: session.id, playerId: player.id, questionId: question.id, choiceIndex, correct: correct && !result.late, late: result.late, points: result.points, responseMs, answeredAt: session.clock },
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw new DomainError('ALREADY_ANSWERED', 'You have already answered this question');
      throw error;
    }
    // The host's live count: announced, not stored in the session row (no lock contention).
    await notifySessionChanged(tx, session.id, 'answer');
    return { questionId: question.id, choiceIndex, answeredAt: session.clock };
  });
}
