// Leaderboards at a million scores: top 10 (global, one quiz, today) and
// "my rank" for a player at the top, the median and the bottom, through the
// same functions the API uses, and a class session's ranks (500 students),
// beside the floor in the same run — a trivial query's round trip to the same
// database.
import os from 'node:os';
import pg from 'pg';
import { createPrismaClient } from '../lib/db/prisma.ts';
import { leaderboardPage, myRank } from '../lib/leaderboards/leaderboard.ts';
import { hashPlayerToken } from '../lib/games/player-token.ts';
import { loadSessionSnapshot, viewOf } from '../lib/sessions/session-view.ts';
import { startBenchPostgres } from './bench-database.ts';
import { recordResults } from './results.ts';
import { percentile } from './stats.ts';

const SCORES = Number(process.env.BENCH_SCORES ?? 1_000_000);
/** The largest class a session allows. */
const SESSION_STUDENTS = 500;
const RUNS = 100;

async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  process.stdout.write(`seeding ${SCORES.toLocaleString('en-US')} scores… `);
  await client.query(`
    INSERT INTO articles (id, title, body, word_count, content_hash, updated_at) VALUES ('a1', 'Bench', 'Text.', 1, repeat('0', 64), now());
    INSERT INTO quizzes (id, slug, kind, title, updated_at) VALUES ('q1', 'article-a1', 'ARTICLE', 'Bench quiz', now()), ('q2', 'article-a2', 'ARTICLE', 'Other quiz', now());
    INSERT INTO players (id, nickname, token_hash)
      SELECT 'p' || i, 'Player ' || i, encode(sha256(('token-' || i)::bytea), 'hex') FROM generate_series(1, ${SCORES}) AS i;
    INSERT INTO games (id, quiz_id, player_id, mode, status, question_ids, time_limit_seconds, current_index, score, correct_count, started_at, finished_at)
      SELECT 'g' || i, CASE WHEN i % 2 = 0 THEN 'q1' ELSE 'q2' END, 'p' || i, 'SPEED', 'FINISHED', '{}', 30, 10, 0, 0, now(), now()
      FROM generate_series(1, ${SCORES}) AS i;
    ALTER TABLE scores DISABLE TRIGGER scores_counted;
    INSERT INTO scores (id, game_id, quiz_id, player_id, nickname, mode, score, correct_count, question_count, finished_at)
      SELECT 's' || i, 'g' || i, CASE WHEN i % 2 = 0 THEN 'q1' ELSE 'q2' END, 'p' || i, 'Player ' || i, 'SPEED',
             -- Half are SPEED-like (spread out), half ACCURACY-like (multiples of 1,000: many ties).
             CASE WHEN i % 2 = 0 THEN abs(hashint4(i)) % 16 * 1000 ELSE abs(hashint4(i)) % 24000 END, (hashint4(i) & 15), 15, now() - ((hashint4(i * 7) & 1048575) || ' seconds')::interval * 30
      FROM generate_series(1, ${SCORES}) AS i;
    ALTER TABLE scores ENABLE TRIGGER scores_counted;
    SELECT rebuild_score_counts();
    -- A classroom session of ${SESSION_STUDENTS} students with scores (many ties), on the same database.
    INSERT INTO class_sessions (id, code, quiz_id, host_token_hash, mode, time_limit_seconds, question_ids, show_leaderboard, max_players, state, current_index)
      VALUES ('cs1', 'ACDEFG', 'q1', repeat('0', 64), 'SPEED', 20, '{}', true, 500, 'LEADERBOARD', 0);
    INSERT INTO session_players (id, session_id, nickname, nickname_key, token_hash, score, correct_count)
      SELECT 'sp' || i, 'cs1', 'Student ' || i, 'student ' || i, encode(sha256(('student-' || i)::bytea), 'hex'), abs(hashint4(i)) % 20 * 500, abs(hashint4(i)) % 10
      FROM generate_series(1, ${SESSION_STUDENTS}) AS i;
    ANALYZE;`);
  await client.end();
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) await run();
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  const at = (p: number) => Number(percentile(samples, p).toFixed(2));
  return { p50: at(50), p99: at(99) };
}

async function main() {
  const server = await startBenchPostgres();
  try {
    const { url } = server;
    await seed(url);
    const prisma = createPrismaClient(url);
    const ranked = await prisma.$queryRaw<{ player_id: string }[]>`
      SELECT player_id FROM scores ORDER BY score DESC, finished_at ASC, id ASC LIMIT 1`;
    const byPosition = async (offset: number) =>
      (await prisma.$queryRaw<{ player_id: string }[]>`SELECT player_id FROM scores ORDER BY score DESC, finished_at, id OFFSET ${offset} LIMIT 1`)[0]!.player_id;
    const players = { top: ranked[0]!.player_id, median: await byPosition(Math.floor(SCORES / 2)), bottom: await byPosition(SCORES - 1) };
    // The median of one quiz's board (half the scores are quiz q1's).
    const quizMedian = (await prisma.$queryRaw<{ player_id: string }[]>`
      SELECT player_id FROM scores WHERE quiz_id = 'q1' ORDER BY score DESC, finished_at, id OFFSET ${Math.floor(SCORES / 4)} LIMIT 1`)[0]!.player_id;
    // The seed's token hashes are sha256('token-<n>') for player 'p<n>', as hashPlayerToken computes them.
    const token = (id: string) => `token-${id.slice(1)}`;
    if (hashPlayerToken(token('p1')).length !== 64) throw new Error('token scheme changed');
    const rows: { query: string; p50Ms: number; p99Ms: number }[] = [];
    const measure = async (query: string, run: () => Promise<unknown>) => {
      const { p50, p99 } = await time(run);
      rows.push({ query, p50Ms: p50, p99Ms: p99 });
      process.stdout.write('.');
    };
    await measure('floor: SELECT 1', () => prisma.$queryRaw`SELECT 1`);
    await measure('top 10, all quizzes, all time', () => leaderboardPage(prisma, { period: 'ALL_TIME', first: 10 }));
    await measure('top 10, one quiz, all time', () => leaderboardPage(prisma, { quizId: 'q1', period: 'ALL_TIME', first: 10 }));
    await measure('top 10, all quizzes, today', () => leaderboardPage(prisma, { period: 'DAY', first: 10 }));
    await measure('page 2 (after a cursor)', async () => {
      const first = await leaderboardPage(prisma, { period: 'ALL_TIME', first: 10 });
      return leaderboardPage(prisma, { period: 'ALL_TIME', first: 10, after: first.endCursor });
    });
    for (const [where, id] of Object.entries(players)) {
      await measure(`my rank (${where} player), all time`, () => myRank(prisma, { period: 'ALL_TIME', playerToken: token(id) }));
    }
    await measure('my rank (median player), one quiz', () => myRank(prisma, { quizId: 'q1', period: 'ALL_TIME', playerToken: token(quizMedian) }));
    await measure('my rank (median player), this week', () => myRank(prisma, { period: 'WEEK', playerToken: token(players.median) }));
    // A session's ranks: the snapshot every screen of a class is built from, ranked as the host's view ranks it.
    await measure(`a session's ranks (${SESSION_STUDENTS} students)`, async () => viewOf(await loadSessionSnapshot(prisma, 'cs1'), { host: true }).host!.players);
    await prisma.$disconnect();
    console.log(`\n\nLeaderboards at ${SCORES.toLocaleString('en-US')} scores, ${RUNS} runs each, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
    console.table(rows);
    recordResults('leaderboards', { scores: SCORES, runs: RUNS, rows });
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
