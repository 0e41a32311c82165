// Leaderboards: finished games' scores, highest first, an earlier finish
// winning a tie; for one quiz or all of them, today, this week or all time.
// Pages are keyset-paginated on (score, finished_at, id), which the indexes
// on `scores` serve in that order.
import type { PrismaClient } from '../db/prisma.ts';
import { Prisma } from '../db/generated/client.ts';
import { hashPlayerToken } from '../games/player-token.ts';
import { DomainError } from '../domain-error.ts';
import { looksLikeId } from '../db/ids.ts';

export type LeaderboardPeriod = 'DAY' | 'WEEK' | 'ALL_TIME';

export const MAX_PAGE_SIZE = 100;
/** Width of a score band in score_band_counts (the migration's score_band function). */
const SCORE_BAND = 100;

export interface LeaderboardRow {
  id: string;
  gameId: string;
  quizId: string;
  nickname: string;
  mode: 'SPEED' | 'ACCURACY';
  score: number;
  correctCount: number;
  questionCount: number;
  finishedAt: Date;
  rank: number;
}

interface Cursor {
  score: number;
  finishedAt: string;
  id: string;
  rank: number;
  /** The board and period the cursor belongs to: a cursor from another board is refused. */
  board: string;
  period: LeaderboardPeriod;
}

/** Where a period begins: today (UTC) or this ISO week (Monday, UTC). */
export function periodStart(period: LeaderboardPeriod, now: Date): Date | null {
  if (period === 'ALL_TIME') return null;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (period === 'DAY') return day;
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 24 * 3600 * 1000);
}

/** The score_counts bucket of a period, as the triggers name it (see the migration). */
function bucketOf(period: LeaderboardPeriod, now: Date): string {
  if (period === 'ALL_TIME') return 'all';
  const start = periodStart(period, now)!;
  if (period === 'DAY') return `d:${start.toISOString().slice(0, 10)}`;
  // ISO week-numbering year and week of the Monday `start`.
  const thursday = new Date(start.getTime() + 3 * 24 * 3600 * 1000);
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((thursday.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `w:${thursday.getUTCFullYear()}-${String(week).padStart(2, '0')}`;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(value: string, board: string, period: LeaderboardPeriod): Cursor {
  let cursor: Cursor | undefined;
  try {
    cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
  } catch {
    cursor = undefined;
  }
  // A cursor comes back from the client: every field is checked to be what we would have written.
  const int4 = (n: unknown) => Number.isInteger(n) && (n as number) >= -2_147_483_648 && (n as number) <= 2_147_483_647;
  const valid =
    cursor &&
    typeof cursor === 'object' &&
    int4(cursor.score) &&
    looksLikeId(cursor.id) &&
    int4(cursor.rank) &&
    cursor.rank >= 0 &&
    typeof cursor.finishedAt === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(cursor.finishedAt) &&
    !Number.isNaN(Date.parse(cursor.finishedAt));
  if (!valid) throw new DomainError('BAD_USER_INPUT', '`after` is not a cursor this API gave out');
  if (cursor!.board !== board || cursor!.period !== period) throw new DomainError('BAD_USER_INPUT', '`after` is a cursor of another leaderboard');
  return cursor!;
}

function filters(quizId: string | null, since: Date | null): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (quizId) parts.push(Prisma.sql`quiz_id = ${quizId}`);
  if (since) parts.push(Prisma.sql`finished_at >= ${since}`);
  return Prisma.join(parts, ' AND ');
}

type RawRow = Omit<LeaderboardRow, 'rank' | 'quizId' | 'gameId' | 'correctCount' | 'questionCount' | 'finishedAt'> & {
  quiz_id: string;
  game_id: string;
  correct_count: number;
  question_count: number;
  finished_at: Date;
};

const toRow = (r: RawRow, rank: number): LeaderboardRow => ({
  id: r.id,
  gameId: r.game_id,
  quizId: r.quiz_id,
  nickname: r.nickname,
  mode: r.mode,
  score: r.score,
  correctCount: r.correct_count,
  questionCount: r.question_count,
  finishedAt: r.finished_at,
  rank,
});

/** A page as the API shows it, with what `myRank` needs to rank a player on the same board. */
export interface LeaderboardPageView {
  rows: LeaderboardRow[];
  hasNextPage: boolean;
  endCursor: string | null;
  quizId: string | null;
  period: LeaderboardPeriod;
}

export async function leaderboardPage(
  prisma: PrismaClient,
  input: { quizId?: string | null; period: LeaderboardPeriod; first: number; after?: string | null; now?: Date },
): Promise<{ rows: LeaderboardRow[]; hasNextPage: boolean; endCursor: string | null }> {
  const first = Math.min(Math.max(input.first, 1), MAX_PAGE_SIZE);
  const since = periodStart(input.period, input.now ?? new Date());
  const board = input.quizId ?? '';
  const cursor = input.after ? decodeCursor(input.after, board, input.period) : null;
  // "score <= …" lets the index start at the cursor instead of filtering from the top.
  const after = cursor
    ? Prisma.sql`AND score <= ${cursor.score} AND (score < ${cursor.score} OR (finished_at, id) > (${new Date(cursor.finishedAt)}::timestamptz, ${cursor.id}))`
    : Prisma.empty;
  const raw = await prisma.$queryRaw<RawRow[]>`
    SELECT id, game_id, quiz_id, nickname, mode::text AS mode, score, correct_count, question_count, finished_at
    FROM scores
    WHERE ${filters(input.quizId ?? null, since)} ${after}
    ORDER BY score DESC, finished_at ASC, id ASC
    LIMIT ${first + 1}`;
  const startRank = cursor ? cursor.rank : 0;
  const rows = raw.slice(0, first).map((r, i) => toRow(r, startRank + i + 1));
  const last = rows.at(-1);
  return {
    rows,
    hasNextPage: raw.length > first,
    endCursor: last ? encodeCursor({ score: last.score, finishedAt: last.finishedAt.toISOString(), id: last.id, rank: last.rank, board, period: input.period }) : null,
  };
}

/**
 * The player's best entry on this board and its rank: 1 + the entries ahead
 * of it — those with a higher score, summed from score_counts (a few thousand
 * rows at most, whatever the number of games), plus those with the same score
 * that finished earlier: summed by day from score_day_counts, and counted
 * within the same day (a short index range).
 */
export async function myRank(
  prisma: PrismaClient,
  input: { quizId?: string | null; period: LeaderboardPeriod; playerToken: string; now?: Date },
): Promise<LeaderboardRow | null> {
  const now = input.now ?? new Date();
  const since = periodStart(input.period, now);
  const player = await prisma.player.findUnique({ where: { tokenHash: hashPlayerToken(input.playerToken) }, select: { id: true } });
  if (!player) return null;
  const where = filters(input.quizId ?? null, since);
  const [best] = await prisma.$queryRaw<RawRow[]>`
    SELECT id, game_id, quiz_id, nickname, mode::text AS mode, score, correct_count, question_count, finished_at
    FROM scores
    WHERE ${where} AND player_id = ${player.id}
    ORDER BY score DESC, finished_at ASC, id ASC
    LIMIT 1`;
  if (!best) return null;
  // One round trip: higher bands, higher scores in my band, ties of earlier days, ties of my day before me.
  const board = input.quizId ?? '';
  const bucket = bucketOf(input.period, now);
  const band = Math.floor(best.score / SCORE_BAND);
  const day = new Date(Date.UTC(best.finished_at.getUTCFullYear(), best.finished_at.getUTCMonth(), best.finished_at.getUTCDate()));
  const [counted] = await prisma.$queryRaw<{ ahead: number }[]>`
    SELECT (
      (SELECT coalesce(sum(count), 0) FROM score_band_counts WHERE board = ${board} AND bucket = ${bucket} AND band > ${band})
      + (SELECT coalesce(sum(count), 0) FROM score_counts WHERE board = ${board} AND bucket = ${bucket} AND score > ${best.score} AND score < ${(band + 1) * SCORE_BAND})
      + (SELECT coalesce(sum(count), 0) FROM score_day_counts WHERE board = ${board} AND bucket = ${bucket} AND score = ${best.score} AND day < ${day}::date)
      + (SELECT count(*) FROM scores WHERE ${where} AND score = ${best.score} AND finished_at >= ${day}
           AND (finished_at, id) < (${best.finished_at}::timestamptz, ${best.id}))
    )::int AS ahead`;
  return toRow(best, (counted?.ahead ?? 0) + 1);
}
