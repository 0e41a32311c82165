// PostgreSQL stops in the middle of a game and of a classroom session, and
// comes back. Its own embedded PostgreSQL (the shared test server cannot be
// stopped) and the real API server in a child process, never restarted:
// while the database is down every request fails within seconds with
// SERVICE_UNAVAILABLE and a message that says nothing about SQL, files or
// hosts, and /api/health says 503; once PostgreSQL is started again on the
// same data and port, the same server finishes the game and the session
// by itself, live updates included, and every answer it acknowledged is
// stored exactly once and counted in the score.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/db/embedded-postgres.ts';
import { createDatabaseIfMissing } from '../../lib/db/open-database.ts';
import { migrate } from '../../lib/db/migrate.ts';
import { createPrismaClient, type PrismaClient } from '../../lib/db/prisma.ts';
import { DATA_DIR, MIGRATIONS_DIR, SEEDS_DIR } from '../../lib/paths.ts';
import { storeQuestions } from '../../lib/questions/store-questions.ts';
import { loadSeeds } from '../../seeds/load-seeds.ts';
import { startApiProcess, type ApiProcess } from '../helpers/api-process.ts';
import { subscribe, subscriptionClient } from '../helpers/subscriptions.ts';
import type { GraphQLReply } from '../helpers/graphql-server.ts';

/** Every request while the database is down must fail within this. */
const FAIL_FAST_MS = 5_000;
const UNAVAILABLE = 'The database is unavailable; try again in a moment';

// The name starts like the shared test server's, so a run that dies before cleaning up is swept by the next.
const dataDir = path.join(DATA_DIR, `test-pg-${process.pid}-faults-${crypto.randomBytes(4).toString('hex')}`);
let database: EmbeddedDatabase | undefined;
let port: number;
let url: string;
let prisma: PrismaClient;
let api: ApiProcess | undefined;
let quizId: string;
const clients: Client[] = [];

const START = `mutation ($quizId: ID!, $nickname: String!) {
  startGame(quizId: $quizId, nickname: $nickname, mode: SPEED) { playerToken game { id questionCount } } }`;
const NEXT = `mutation ($gameId: ID!, $playerToken: String!) { nextQuestion(gameId: $gameId, playerToken: $playerToken) { id number choices { id } } }`;
const SUBMIT = `mutation ($gameId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
  submitAnswer(gameId: $gameId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) { correct points score game { answeredCount status } } }`;
const GAME = `query ($id: ID!) { game(id: $id) { status score answeredCount questionCount answers { question { id } chosenChoice { id } points } } }`;
const VIEW = `id state version host { answerCount } reveal { distribution { count } } question { id choices { id } }`;
const FOLLOW = `subscription ($code: String!, $hostToken: String) { sessionUpdated(code: $code, hostToken: $hostToken) { ${VIEW} } }`;
const ANSWER_SESSION = `mutation ($sessionId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
  answerSessionQuestion(sessionId: $sessionId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) { questionId choiceId } }`;
const MOVE = `mutation ($sessionId: ID!, $hostToken: String!, $action: SessionAction!) { moveSession(sessionId: $sessionId, hostToken: $hostToken, action: $action) { state } }`;

type Reply = GraphQLReply & { ms: number };

async function gql(query: string, variables: Record<string, unknown>): Promise<Reply> {
  const started = Date.now();
  const reply = await api!.query(query, variables);
  return { ...reply, ms: Date.now() - started };
}

/** The data of an operation that must succeed. */
async function ok(query: string, variables: Record<string, unknown>): Promise<any> {
  const reply = await gql(query, variables);
  expect(reply.errors, reply.text).toBeUndefined();
  return reply.data;
}

/** After PostgreSQL is back: tries again while the answer is SERVICE_UNAVAILABLE (the pool reconnecting), a few times at most. */
async function okOnceRecovered(query: string, variables: Record<string, unknown>): Promise<{ data: any; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await gql(query, variables);
    const unavailable = reply.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (!unavailable || attempt === 10) {
      expect(reply.errors, reply.text).toBeUndefined();
      return { data: reply.data, attempts: attempt };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function health(): Promise<{ status: number; json: any }> {
  const response = await fetch(new URL('/api/health', api!.url));
  return { status: response.status, json: await response.json() };
}

const answerKey = async (questionId: string) => (await prisma.question.findUniqueOrThrow({ where: { id: questionId } })).answerIndex;

beforeAll(async () => {
  database = await startEmbeddedPostgres({ dataDir, persistent: true });
  port = Number(new URL(database.adminUrl).port);
  await createDatabaseIfMissing(database.adminUrl, 'factcheck');
  url = database.urlFor('factcheck');
  await migrate(url, MIGRATIONS_DIR);
  prisma = createPrismaClient(url, { maxConnections: 2 });
  await loadSeeds(prisma, SEEDS_DIR);
  await storeQuestions(prisma);
  quizId = (await prisma.quiz.findFirstOrThrow({ where: { kind: 'STORY' } })).id;
  api = await startApiProcess(url);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.stop();
  await prisma?.$disconnect();
  await database?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.password`, { force: true });
}, 60_000);

describe('PostgreSQL stopping and coming back in the middle of a game and a class', () => {
  it('fails fast with SERVICE_UNAVAILABLE while it is down, then finishes both with no acknowledged answer lost', async () => {
    // --- Before the outage: a game with two answers acknowledged, and a third question served.
    const started = (await ok(START, { quizId, nickname: 'Outage' })).startGame;
    const { playerToken } = started;
    const gameId: string = started.game.id;
    const questionCount: number = started.game.questionCount;
    expect(questionCount).toBeGreaterThan(4);
    /** What the server acknowledged, by question: the choice sent and the points it gave. */
    const acknowledged = new Map<string, { choiceId: string; points: number }>();
    const play = async (n: number, recovering = false) => {
      const served = recovering ? (await okOnceRecovered(NEXT, { gameId, playerToken })).data.nextQuestion : (await ok(NEXT, { gameId, playerToken })).nextQuestion;
      const key = await answerKey(served.id);
      const choiceId = served.choices[n % 3 === 0 ? (key + 1) % served.choices.length : key].id;
      const result = (await ok(SUBMIT, { gameId, questionId: served.id, choiceId, playerToken })).submitAnswer;
      acknowledged.set(served.id, { choiceId, points: result.points });
      return result;
    };
    await play(1);
    await play(2);
    const third = (await ok(NEXT, { gameId, playerToken })).nextQuestion;
    expect(third.number).toBe(3);
    const thirdChoice = third.choices[await answerKey(third.id)].id;

    // ... and a class: two students, the host following live, the first question open, one answer in.
    const hosting = (await ok(`mutation ($quizId: ID!) { createSession(quizId: $quizId, settings: { questionCount: 2, mode: ACCURACY, timeLimitSeconds: 300 }) { hostToken session { id code } } }`, { quizId })).createSession;
    const { hostToken, session } = hosting as { hostToken: string; session: { id: string; code: string } };
    const join = async (nickname: string) => (await ok(`mutation ($code: String!, $nickname: String!) { joinSession(code: $code, nickname: $nickname) { playerToken } }`, { code: session.code, nickname })).joinSession.playerToken as string;
    const ann = await join('Ann');
    const ben = await join('Ben');
    const follow = () => {
      const client = subscriptionClient(api!.wsUrl);
      clients.push(client);
      return subscribe<any>(client, FOLLOW, { code: session.code, hostToken }, 'sessionUpdated');
    };
    const hostLive = follow();
    await hostLive.waitFor((view) => view.state === 'LOBBY');
    await ok(MOVE, { sessionId: session.id, hostToken, action: 'START' });
    const open = await hostLive.waitFor((view) => view.state === 'QUESTION_OPEN');
    const sessionKey = await answerKey(open.question.id);
    const sessionAnswers = { ann: open.question.choices[sessionKey].id as string, ben: open.question.choices[(sessionKey + 1) % open.question.choices.length].id as string };
    await ok(ANSWER_SESSION, { sessionId: session.id, questionId: open.question.id, choiceId: sessionAnswers.ann, playerToken: ann });
    await hostLive.waitFor((view) => view.host?.answerCount === 1);
    expect((await health()).status).toBe(200);

    // --- PostgreSQL stops (a fast shutdown: connections are ended with 57P01, then nothing listens).
    await database!.stop();
    database = undefined;

    const attempts: [string, string, Record<string, unknown>][] = [
      ['submitAnswer', SUBMIT, { gameId, questionId: third.id, choiceId: thirdChoice, playerToken }],
      ['nextQuestion', NEXT, { gameId, playerToken }],
      ['game', GAME, { id: gameId }],
      ['startGame', START, { quizId, nickname: 'Latecomer' }],
      ['answerSessionQuestion', ANSWER_SESSION, { sessionId: session.id, questionId: open.question.id, choiceId: sessionAnswers.ben, playerToken: ben }],
    ];
    for (const [name, query, variables] of attempts) {
      const reply = await gql(query, variables);
      expect({ name, fast: reply.ms < FAIL_FAST_MS }).toEqual({ name, fast: true });
      expect(reply.errors?.length, reply.text).toBeGreaterThan(0);
      for (const error of reply.errors!) expect({ name, message: error.message, code: error.extensions?.code }).toEqual({ name, message: UNAVAILABLE, code: 'SERVICE_UNAVAILABLE' });
      // Nothing about the query, the code or where the database is.
      expect(reply.text).not.toMatch(/select|insert|prisma|stack|node_modules|\.ts\b|postgres|127\.0\.0\.1/i);
      expect(reply.text).not.toContain(String(port));
    }
    // A new live follower is told the same; the load balancer is told 503.
    const lateFollower = follow();
    expect((await lateFollower.waitForError(FAIL_FAST_MS)).extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await health()).toEqual({ status: 503, json: { status: 'unavailable', database: 'unavailable', migrations: 'unknown' } });

    // --- PostgreSQL starts again on the same data and port; the API server is left alone.
    database = await startEmbeddedPostgres({ dataDir, persistent: true, port });

    // The answer that was refused is sent again and acknowledged once the pool has reconnected by itself.
    const retried = await okOnceRecovered(SUBMIT, { gameId, questionId: third.id, choiceId: thirdChoice, playerToken });
    expect(retried.attempts).toBeLessThanOrEqual(10);
    acknowledged.set(third.id, { choiceId: thirdChoice, points: retried.data.submitAnswer.points });
    expect(retried.data.submitAnswer.game.answeredCount).toBe(3);
    for (let n = 4; n <= questionCount; n += 1) await play(n);
    expect((await health()).status).toBe(200);

    // The class resumes: Ben's answer goes in, the host's live view (its LISTEN connection reconnected) sees both.
    await okOnceRecovered(ANSWER_SESSION, { sessionId: session.id, questionId: open.question.id, choiceId: sessionAnswers.ben, playerToken: ben });
    await hostLive.waitFor((view) => view.state === 'QUESTION_OPEN' && view.host?.answerCount === 2, 20_000);
    await ok(MOVE, { sessionId: session.id, hostToken, action: 'CLOSE_QUESTION' });
    const closed = await hostLive.waitFor((view) => view.state === 'QUESTION_CLOSED', 20_000);
    expect(closed.reveal.distribution.reduce((sum: number, bar: { count: number }) => sum + bar.count, 0)).toBe(2);

    // --- Every acknowledged answer is there exactly once, through the API ...
    const expectedScore = [...acknowledged.values()].reduce((sum, answer) => sum + answer.points, 0);
    expect(acknowledged.size).toBe(questionCount);
    const game = (await ok(GAME, { id: gameId })).game;
    expect(game).toMatchObject({ status: 'FINISHED', score: expectedScore, answeredCount: questionCount });
    expect(game.answers).toHaveLength(questionCount);
    for (const answer of game.answers) {
      expect(acknowledged.get(answer.question.id)).toEqual({ choiceId: answer.chosenChoice.id, points: answer.points });
    }
    // ... and in the database itself.
    // (A choice's id is `<question id>:<index>`; see lib/questions/public-question.ts.)
    const rows = await prisma.answer.findMany({ where: { gameId } });
    expect(rows).toHaveLength(questionCount);
    expect(new Set(rows.map((row) => row.questionId)).size).toBe(questionCount);
    for (const row of rows) {
      expect({ choiceId: `${row.questionId}:${row.choiceIndex}`, points: row.points }).toEqual(acknowledged.get(row.questionId));
    }
    expect((await prisma.game.findUniqueOrThrow({ where: { id: gameId } })).score).toBe(expectedScore);
    expect((await prisma.score.findUniqueOrThrow({ where: { gameId } })).score).toBe(expectedScore);
    const classAnswers = await prisma.sessionAnswer.findMany({ where: { sessionId: session.id }, include: { player: true } });
    expect(Object.fromEntries(classAnswers.map((row) => [row.player.nickname, `${row.questionId}:${row.choiceIndex}`]))).toEqual({ Ann: sessionAnswers.ann, Ben: sessionAnswers.ben });
    expect(classAnswers).toHaveLength(2);
  }, 180_000);
});
