// Leaderboard order and ranks against a brute-force ranking of the same
// scores: ties broken by earlier finish, periods, boards, pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderboardPage, myRank, periodStart, type LeaderboardPeriod } from '../../lib/leaderboards/leaderboard.ts';
import { createPlayerToken, hashPlayerToken } from '../../lib/games/player-token.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;
const NOW = new Date('2026-11-19T15:00:00Z'); // a Thursday
const players: { id: string; token: string }[] = [];
const entries: { playerId: string; quizId: string; score: number; finishedAt: Date; id: string }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.article.create({ data: { id: 'a', title: 'A', body: 'A.', wordCount: 1, contentHash: '0'.repeat(64) } });
  for (const id of ['qa', 'qb']) await db.prisma.quiz.create({ data: { id, slug: id, kind: 'ARTICLE', title: id } });
  const finishes = [
    NOW, new Date('2026-11-19T01:00:00Z'), new Date('2026-11-18T12:00:00Z'), new Date('2026-11-16T00:30:00Z'),
    new Date('2026-11-15T23:00:00Z'), new Date('2026-10-01T10:00:00Z'),
  ];
  for (let i = 0; i < 24; i += 1) {
    const token = createPlayerToken();
    const player = await db.prisma.player.create({ data: { nickname: `P${i}`, tokenHash: hashPlayerToken(token) } });
    players.push({ id: player.id, token });
    const quizId = i % 3 === 0 ? 'qb' : 'qa';
    // Many ties: scores repeat every 5 players.
    const score = [3000, 2500, 2500, 1000, 0][i % 5]!;
    const finishedAt = new Date(finishes[i % finishes.length]!.getTime() - i * 1000);
    const game = await db.prisma.game.create({
      data: { quizId, playerId: player.id, mode: 'SPEED', status: 'FINISHED', questionIds: [], timeLimitSeconds: 30, score, finishedAt },
    });
    const saved = await db.prisma.score.create({
      data: { gameId: game.id, quizId, playerId: player.id, nickname: `P${i}`, mode: 'SPEED', score, correctCount: 1, questionCount: 5, finishedAt },
    });
    entries.push({ playerId: player.id, quizId, score, finishedAt, id: saved.id });
  }
});
afterAll(async () => {
  await db?.drop();
});

function bruteForce(quizId: string | null, period: LeaderboardPeriod) {
  const since = periodStart(period, NOW);
  return entries
    .filter((e) => (!quizId || e.quizId === quizId) && (!since || e.finishedAt >= since))
    .sort((a, b) => b.score - a.score || a.finishedAt.getTime() - b.finishedAt.getTime() || (a.id < b.id ? -1 : 1));
}

describe('leaderboards', () => {
  it('periods start at midnight UTC today and on Monday of this ISO week', () => {
    expect(periodStart('DAY', NOW)?.toISOString()).toBe('2026-11-19T00:00:00.000Z');
    expect(periodStart('WEEK', NOW)?.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(periodStart('ALL_TIME', NOW)).toBeNull();
  });

  it.each([
    [null, 'ALL_TIME'],
    ['qa', 'ALL_TIME'],
    [null, 'WEEK'],
    ['qb', 'WEEK'],
    [null, 'DAY'],
  ] as const)('board %s, %s: pages and every rank match a brute-force ranking', async (quizId, period) => {
    const expected = bruteForce(quizId, period);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await leaderboardPage(db.prisma, { quizId, period, first: 4, after, now: NOW });
      seen.push(...page.rows.map((r) => r.id));
      page.rows.forEach((row) => expect(row.rank).toBe(seen.indexOf(row.id) + 1));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(expected.map((e) => e.id));
    for (const player of players) {
      const mine = await myRank(db.prisma, { quizId, period, playerToken: player.token, now: NOW });
      const position = expected.findIndex((e) => e.playerId === player.id);
      if (position === -1) expect(mine).toBeNull();
      else expect(mine?.rank).toBe(position + 1);
    }
  });

  it('an unknown token has no rank; a bad cursor, or one of another board, is refused', async () => {
    expect(await myRank(db.prisma, { period: 'ALL_TIME', playerToken: 'nobody', now: NOW })).toBeNull();
    await expect(leaderboardPage(db.prisma, { period: 'ALL_TIME', first: 3, after: 'garbage', now: NOW })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const page = await leaderboardPage(db.prisma, { period: 'ALL_TIME', first: 3, now: NOW });
    await expect(leaderboardPage(db.prisma, { quizId: 'qa', period: 'ALL_TIME', first: 3, after: page.endCursor, now: NOW })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('keeps its counts right when a score is changed, moved or deleted', async () => {
    const [entry] = entries;
    await db.prisma.score.update({ where: { id: entry!.id }, data: { score: 9999 } });
    const player = players.find((p) => p.id === entry!.playerId)!;
    expect((await myRank(db.prisma, { period: 'ALL_TIME', playerToken: player.token, now: NOW }))?.rank).toBe(1);
    const second = entries[1]!;
    const other = players.find((p) => p.id === second.playerId)!;
    const before = (await myRank(db.prisma, { period: 'ALL_TIME', playerToken: other.token, now: NOW }))!.rank;
    await db.prisma.score.delete({ where: { id: entry!.id } });
    expect((await myRank(db.prisma, { period: 'ALL_TIME', playerToken: other.token, now: NOW }))!.rank).toBe(before - 1);
    const counted = await db.prisma.$queryRaw<{ total: number }[]>`SELECT sum(count)::int AS total FROM score_counts WHERE board = '' AND bucket = 'all'`;
    expect(counted[0]!.total).toBe(await db.prisma.score.count());
  });
});
