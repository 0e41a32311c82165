// Graceful shutdown of the real server process: a request in flight when it
// receives SIGTERM still gets its full answer (and what it did is stored),
// while new connections are refused from the moment the signal arrives. The
// request is held in flight the legitimate way: the test holds a lock on the
// game's row, which the answer's write must wait for, and lets go after the
// signal.
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuizDatabase } from '../helpers/database.ts';
import { startApiProcess, type ApiProcess } from '../helpers/api-process.ts';

let db: Awaited<ReturnType<typeof createQuizDatabase>>;
let api: ApiProcess | undefined;
let lock: pg.Client | undefined;

/** A request on a new connection (no keep-alive pool): resolves with its status, or the connection error's code. */
function freshRequest(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.end(JSON.stringify({ query: '{ __typename }' }));
  });
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  db = await createQuizDatabase();
  api = await startApiProcess(db.url);
}, 60_000);
afterAll(async () => {
  await lock?.end().catch(() => {});
  await api?.stop();
  await db?.drop();
});

describe('SIGTERM', () => {
  it('finishes the request in flight, refusing new connections meanwhile', async () => {
    const url = api!.url;
    const started = await api!.query(`mutation ($quizId: ID!) { startGame(quizId: $quizId, nickname: "Drain") { playerToken game { id } } }`, { quizId: db.storyQuizId });
    const { playerToken, game } = started.json.data.startGame;
    const served = (await api!.query(`mutation ($gameId: ID!, $t: String!) { nextQuestion(gameId: $gameId, playerToken: $t) { id choices { id } } }`, { gameId: game.id, t: playerToken })).json.data.nextQuestion;
    expect(await freshRequest(url)).toBe(200);

    // Hold the game's row, so the answer below waits inside the server.
    lock = new pg.Client({ connectionString: db.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT id FROM games WHERE id = $1 FOR UPDATE', [game.id]);
    let finished = false;
    const inFlight = api!.query(`mutation ($g: ID!, $q: ID!, $c: ID!, $t: String!) { submitAnswer(gameId: $g, questionId: $q, choiceId: $c, playerToken: $t) { points game { answeredCount } } }`, {
      g: game.id,
      q: served.id,
      c: served.choices[0].id,
      t: playerToken,
    }).finally(() => (finished = true));
    const waiting = await until(
      async () => (await lock!.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0]!.n,
      (n) => n > 0,
      5_000,
    );
    expect(waiting).toBe(1);

    const stopped = api!.stop();
    // The port closes at once: a new connection is refused while the answer is still in flight.
    expect(await until(() => freshRequest(url), (result) => result === 'ECONNREFUSED', 3_000)).toBe('ECONNREFUSED');
    expect(finished).toBe(false);

    await lock.query('COMMIT');
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.json.errors).toBeUndefined();
    expect(answered.json.data.submitAnswer.game.answeredCount).toBe(1);
    await stopped;
    api = undefined;
    expect(await db.prisma.answer.count({ where: { gameId: game.id } })).toBe(1);
  });
});
