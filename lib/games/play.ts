// Playing a game: serving the current question and scoring answers, with the
// database's clock as the only clock. Serving and expiring lock the game's
// row; an answer moves the game on only from where it read it (see
// submitAnswer), so two requests for one game (a double click, two tabs)
// count once; the unique (game, question) index on answers is the second line
// of defence.
import type { PrismaClient } from '../db/prisma.ts';
import { Prisma, type Game, type Question } from '../db/generated/client.ts';
import { newId } from '../db/ids.ts';
import { storedQuestion } from '../questions/stored-question.ts';
import { DomainError } from '../domain-error.ts';
import { hashPlayerToken } from './player-token.ts';
import { LATE_GRACE_MS, scoreAnswer } from './scoring.ts';
import { choiceIndexOf } from '../questions/public-question.ts';

type Tx = Prisma.TransactionClient;

/** The games columns as the Game model names them, for raw queries (the table is aliased `g`). */
const GAME_COLUMNS = Prisma.sql`g.id, g.quiz_id AS "quizId", g.player_id AS "playerId", g.mode::text AS mode, g.status::text AS status,
  g.question_ids AS "questionIds", g.time_limit_seconds AS "timeLimitSeconds", g.current_index AS "currentIndex", g.served_at AS "servedAt",
  g.score, g.streak, g.correct_count AS "correctCount", g.started_at AS "startedAt", g.finished_at AS "finishedAt"`;

type GameRead = Game & { clock: Date; answered: boolean; nickname: string };

/**
 * One round trip: the game, its player's nickname, whether `questionId` has an
 * answer already, and the database's clock — refused unless `playerToken` is
 * the game's player's. With `lock`, the row is locked first and the clock read
 * after the lock: every server process then times answers by one clock, and a
 * request that waited for the lock is timed from when it got it.
 */
async function readGame(db: Pick<PrismaClient, '$queryRaw'>, gameId: string, playerToken: string, options: { questionId?: string; lock: boolean }): Promise<GameRead> {
  const [row] = await db.$queryRaw<(GameRead & { tokenHash: string })[]>`
    SELECT ${GAME_COLUMNS}, p.token_hash AS "tokenHash", p.nickname, clock_timestamp() AS clock,
           ${options.questionId ? Prisma.sql`EXISTS (SELECT 1 FROM answers a WHERE a.game_id = g.id AND a.question_id = ${options.questionId})` : Prisma.sql`false`} AS answered
    FROM games g JOIN players p ON p.id = g.player_id
    WHERE g.id = ${gameId} ${options.lock ? Prisma.sql`FOR UPDATE OF g` : Prisma.empty}`;
  if (!row) throw new DomainError('NOT_FOUND', `There is no game with id ${gameId}`);
  const { tokenHash, ...game } = row;
  if (tokenHash !== hashPlayerToken(playerToken)) throw new DomainError('FORBIDDEN', 'This player token does not belong to this game');
  return game;
}

/** A question of a game, from the process's cache; a game's questions are never deleted while it refers to them. */
async function questionOf(db: Pick<PrismaClient, 'question'>, gameId: string, questionId: string): Promise<Question> {
  const question = await storedQuestion(db, questionId);
  if (!question) throw new Error(`question ${questionId} of game ${gameId} is missing`);
  return question;
}

/** Response time by the server's clock, capped just past the limit (a game resumed weeks later stays storable). */
function responseTime(game: Game, now: Date): number {
  return Math.min(Math.max(0, now.getTime() - game.servedAt!.getTime()), game.timeLimitSeconds * 1000 + LATE_GRACE_MS + 1);
}

/** Ends the game: its score goes on the leaderboards. */
async function finish(tx: Tx, game: Game, now: Date) {
  const player = await tx.player.findUniqueOrThrow({ where: { id: game.playerId } });
  await tx.score.create({
    data: {
      gameId: game.id,
      quizId: game.quizId,
      playerId: game.playerId,
      nickname: player.nickname,
      mode: game.mode,
      score: game.score,
      correctCount: game.correctCount,
      questionCount: game.questionIds.length,
      finishedAt: now,
    },
  });
}

/** Records a question whose time ran out unanswered, and moves on. It timed out at its deadline, not when noticed. */
async function expireCurrent(tx: Tx, game: Game, now: Date): Promise<Game> {
  const questionId = game.questionIds[game.currentIndex]!;
  const deadline = new Date(Math.min(now.getTime(), game.servedAt!.getTime() + game.timeLimitSeconds * 1000 + LATE_GRACE_MS));
  await tx.answer.create({ data: { gameId: game.id, questionId, choiceIndex: null, correct: false, late: true, points: 0, responseMs: responseTime(game, now), answeredAt: deadline } });
  return advance(tx, game, deadline);
}

async function advance(tx: Tx, game: Game, now: Date): Promise<Game> {
  const last = game.currentIndex + 1 >= game.questionIds.length;
  const updated = await tx.game.update({
    where: { id: game.id },
    data: { currentIndex: game.currentIndex + 1, servedAt: null, streak: 0, ...(last ? { status: 'FINISHED', finishedAt: now } : {}) },
  });
  if (last) await finish(tx, updated, now);
  return updated;
}

/**
 * Finishes a game no one is playing: the question being played (if served)
 * and every question after it count as unanswered. The caller decides that
 * the game is abandoned; false when it was already finished.
 */
export async function finishTimedOutGame(prisma: PrismaClient, gameId: string, now: Date): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM games WHERE id = ${gameId} FOR UPDATE`;
    if (!locked.length) return false;
    let game = await tx.game.findUniqueOrThrow({ where: { id: gameId } });
    if (game.status !== 'ACTIVE') return false;
    // A served question whose time is not up yet: the player may still be there.
    if (game.servedAt && now.getTime() - game.servedAt.getTime() <= game.timeLimitSeconds * 1000 + LATE_GRACE_MS) return false;
    while (game.status === 'ACTIVE') {
      if (!game.servedAt) game = { ...game, servedAt: new Date(now.getTime() - game.timeLimitSeconds * 1000 - LATE_GRACE_MS) };
      game = await expireCurrent(tx, game, now);
    }
    return true;
  });
}

export interface ServedQuestion {
  game: Game;
  question: Question;
  /** 1-based position in the game. */
  number: number;
  servedAt: Date;
}

/**
 * The question the player is on. The first request starts its timer; asking
 * again (a refresh) returns the same question without restarting it. A
 * question whose time ran out is recorded as unanswered and the next one
 * served. Null when the game is over.
 */
export async function nextQuestion(prisma: PrismaClient, input: { gameId: string; playerToken: string; now?: Date }): Promise<ServedQuestion | null> {
  return prisma.$transaction(async (tx) => {
    const locked = await readGame(tx, input.gameId, input.playerToken, { lock: true });
    const now = input.now ?? locked.clock;
    let game: Game = locked;
    const limitMs = game.timeLimitSeconds * 1000;
    if (game.status === 'ACTIVE' && game.servedAt && now.getTime() - game.servedAt.getTime() > limitMs + LATE_GRACE_MS) {
      game = await expireCurrent(tx, game, now);
    }
    if (game.status === 'FINISHED') return null;
    if (!game.servedAt) game = await tx.game.update({ where: { id: game.id }, data: { servedAt: now } });
    const questionId = game.questionIds[game.currentIndex]!;
    const question = await questionOf(tx, game.id, questionId);
    return { game, question, number: game.currentIndex + 1, servedAt: game.servedAt! };
  });
}

export interface AnswerOutcome {
  game: Game;
  question: Question;
  correct: boolean;
  late: boolean;
  chosenIndex: number | null;
  points: number;
  responseMs: number;
}

/**
 * That `questionId` is the question the player is on, served and not yet
 * answered; otherwise the error that says why. Returns when it was served.
 */
function assertCurrent(game: GameRead, questionId: string): Date {
  if (game.status === 'FINISHED') throw new DomainError('GAME_FINISHED', 'This game is over');
  const position = game.questionIds.indexOf(questionId);
  if (position === -1) throw new DomainError('BAD_USER_INPUT', `Question ${questionId} is not part of this game`);
  if (game.answered) throw new DomainError('ALREADY_ANSWERED', 'This question has already been answered (or its time ran out)');
  if (position !== game.currentIndex || !game.servedAt) throw new DomainError('QUESTION_NOT_SERVED', 'This question has not been served yet; ask for nextQuestion first');
  return game.servedAt;
}

/**
 * The player's timer ran out: records the current question as unanswered (no
 * points, streak ends) and returns its key and evidence — by the server's
 * clock, so only once the time really is up (TIME_NOT_UP otherwise).
 */
export async function expireQuestion(
  prisma: PrismaClient,
  input: { gameId: string; questionId: string; playerToken: string; now?: Date },
): Promise<AnswerOutcome> {
  return prisma.$transaction(async (tx) => {
    const game = await readGame(tx, input.gameId, input.playerToken, { questionId: input.questionId, lock: true });
    const now = input.now ?? game.clock;
    const servedAt = assertCurrent(game, input.questionId);
    const elapsed = now.getTime() - servedAt.getTime();
    if (elapsed < game.timeLimitSeconds * 1000) throw new DomainError('TIME_NOT_UP', 'There is still time to answer this question');
    const question = await questionOf(tx, game.id, input.questionId);
    const updated = await expireCurrent(tx, game, now);
    return { game: updated, question, correct: false, late: true, chosenIndex: null, points: 0, responseMs: responseTime(game, now) };
  });
}

/** How often an answer is re-read when another request moved the game between its read and its write. */
const ANSWER_ATTEMPTS = 3;

/**
 * Scores an answer to the question being played, in two round trips and no
 * held lock: a read of the game (with its player's token hash, whether this
 * question has an answer, and the database clock), then one statement that
 * moves the game on only if it is still where the read saw it, and in the
 * same statement stores the answer and — on the last question — the
 * leaderboard score. When another request for the game (a double click) got
 * there first, the write changes nothing and the answer is decided again on
 * a fresh read, which then finds it answered. The question comes from the
 * process's cache (a question's content never changes).
 */
export async function submitAnswer(
  prisma: PrismaClient,
  input: { gameId: string; questionId: string; choiceId: string; playerToken: string; now?: Date },
): Promise<AnswerOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const game = await readGame(prisma, input.gameId, input.playerToken, { questionId: input.questionId, lock: false });
    const now = input.now ?? game.clock;
    const servedAt = assertCurrent(game, input.questionId);
    const question = await questionOf(prisma, game.id, input.questionId);

    const chosenIndex = choiceIndexOf(question, input.choiceId);
    const responseMs = responseTime({ ...game, servedAt }, now);
    const result = scoreAnswer({ mode: game.mode, correct: chosenIndex === question.answerIndex, responseMs, timeLimitMs: game.timeLimitSeconds * 1000, streakBefore: game.streak });
    // A late answer is recorded as not correct: it earns nothing and ends the streak.
    const correct = chosenIndex === question.answerIndex && !result.late;
    const last = game.currentIndex + 1 >= game.questionIds.length;
    const [updated] = await prisma.$queryRaw<Game[]>`
      WITH moved AS (
        UPDATE games g SET
          score = g.score + ${result.points}, streak = ${result.streak}, correct_count = g.correct_count + ${correct ? 1 : 0},
          current_index = g.current_index + 1, served_at = NULL,
          status = CASE WHEN ${last} THEN 'FINISHED'::game_status ELSE g.status END,
          finished_at = CASE WHEN ${last} THEN ${now}::timestamptz ELSE g.finished_at END
        WHERE g.id = ${game.id} AND g.status = 'ACTIVE' AND g.current_index = ${game.currentIndex} AND g.served_at = ${servedAt}::timestamptz
        RETURNING ${GAME_COLUMNS}
      ), answer AS (
        INSERT INTO answers (id, game_id, question_id, choice_index, correct, late, points, response_ms, answered_at)
        SELECT ${newId()}, id, ${question.id}, ${chosenIndex}, ${correct}, ${result.late}, ${result.points}, ${responseMs}, ${now}::timestamptz FROM moved
      ), final_score AS (
        INSERT INTO scores (id, game_id, quiz_id, player_id, nickname, mode, score, correct_count, question_count, finished_at)
        SELECT ${newId()}, id, "quizId", "playerId", ${game.nickname}, mode::scoring_mode, score, "correctCount", cardinality("questionIds"), ${now}::timestamptz
        FROM moved WHERE ${last}
      )
      SELECT * FROM moved`;
    if (updated) return { game: updated, question, correct, late: result.late, chosenIndex, points: result.points, responseMs };
    if (attempt >= ANSWER_ATTEMPTS) throw new Error(`game ${game.id} kept changing while an answer was scored`);
  }
}
