// Live session updates across server processes: two real servers (HTTP and
// WebSocket) on one database; whoever is connected to one hears what the host
// does through the other, through PostgreSQL LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startApiProcess, type ApiProcess } from '../helpers/api-process.ts';
import { subscribe, subscriptionClient } from '../helpers/subscriptions.ts';

let db: TestDatabase;
let serverA: ApiProcess;
let serverB: ApiProcess;
let quizId: string;
const clients: Client[] = [];

interface View {
  id: string;
  state: string;
  version: number;
  playerCount: number;
  question: { id: string; choices: { id: string }[] } | null;
  reveal: { correctChoice: { id: string }; distribution: { count: number }[] } | null;
  host: { answerCount: number } | null;
  me: { nickname: string; score: number; answeredCurrent: boolean; lastAnswer: { correct: boolean } | null } | null;
}

const VIEW = `id state version playerCount question { id choices { id } } reveal { correctChoice { id } distribution { count } }
  host { answerCount } me { nickname score answeredCurrent lastAnswer { correct } }`;
const FOLLOW = `subscription ($code: String!, $hostToken: String, $playerToken: String) {
  sessionUpdated(code: $code, hostToken: $hostToken, playerToken: $playerToken) { ${VIEW} } }`;

/** The data of an operation that must succeed. */
async function post(server: ApiProcess, query: string, variables: Record<string, unknown>) {
  const reply = await server.query(query, variables);
  if (reply.errors) throw new Error(JSON.stringify(reply.errors));
  return reply.data;
}

function follow(server: ApiProcess, variables: Record<string, unknown>) {
  const client = subscriptionClient(server.wsUrl);
  clients.push(client);
  return subscribe<View>(client, FOLLOW, variables, 'sessionUpdated');
}

beforeAll(async () => {
  const seeded = await createQuizDatabase();
  db = seeded;
  quizId = seeded.storyQuizId;
  [serverA, serverB] = await Promise.all([startApiProcess(db.url), startApiProcess(db.url)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await Promise.all([serverA?.stop(), serverB?.stop()]);
  await db?.drop();
});

describe('live session updates across two server processes', () => {
  it('a student on one server hears the host on the other; the host on the other hears the answers', async () => {
    const created = (await post(serverA, `mutation ($quizId: ID!) { createSession(quizId: $quizId, settings: { questionCount: 2, mode: ACCURACY }) { hostToken session { id code } } }`, { quizId })).createSession;
    const { hostToken, session } = created as { hostToken: string; session: { id: string; code: string } };
    const joined = (await post(serverA, `mutation ($code: String!) { joinSession(code: $code, nickname: "Dee") { playerToken } }`, { code: session.code })).joinSession;

    // The student follows on B; the host follows on B too, but acts through A.
    const student = follow(serverB, { code: session.code, playerToken: joined.playerToken });
    const hostLive = follow(serverB, { code: session.code, hostToken });
    const first = await student.waitFor((v) => v.state === 'LOBBY');
    expect(first.me).toMatchObject({ nickname: 'Dee', score: 0 });
    expect(first.host).toBeNull();
    await hostLive.waitFor((v) => v.state === 'LOBBY' && v.playerCount === 1);

    // A second student joins through A: both followers on B see the count.
    await post(serverA, `mutation ($code: String!) { joinSession(code: $code, nickname: "Eli") { playerToken } }`, { code: session.code });
    await student.waitFor((v) => v.playerCount === 2);

    const MOVE = `mutation ($sessionId: ID!, $hostToken: String!, $action: SessionAction!) { moveSession(sessionId: $sessionId, hostToken: $hostToken, action: $action) { state } }`;
    await post(serverA, MOVE, { sessionId: session.id, hostToken, action: 'START' });
    const open = await student.waitFor((v) => v.state === 'QUESTION_OPEN');
    expect(open.question).not.toBeNull();
    expect(open.reveal).toBeNull();

    // The student answers through A; the host's live count on B moves; the student learns nothing yet.
    const key = (await db.prisma.question.findUniqueOrThrow({ where: { id: open.question!.id } })).answerIndex;
    await post(serverA, `mutation ($s: ID!, $q: ID!, $c: ID!, $t: String!) { answerSessionQuestion(sessionId: $s, questionId: $q, choiceId: $c, playerToken: $t) { choiceId } }`, {
      s: session.id,
      q: open.question!.id,
      c: open.question!.choices[key]!.id,
      t: joined.playerToken,
    });
    await hostLive.waitFor((v) => v.state === 'QUESTION_OPEN' && v.host?.answerCount === 1);
    expect(student.updates.every((v) => v.reveal === null || v.state !== 'QUESTION_OPEN')).toBe(true);
    expect(student.updates.filter((v) => v.state === 'QUESTION_OPEN').every((v) => v.me!.score === 0)).toBe(true);

    await post(serverA, MOVE, { sessionId: session.id, hostToken, action: 'CLOSE_QUESTION' });
    const closed = await student.waitFor((v) => v.state === 'QUESTION_CLOSED');
    expect(closed.reveal!.correctChoice.id).toBe(open.question!.choices[key]!.id);
    expect(closed.me).toMatchObject({ score: 1000, lastAnswer: { correct: true } });

    // Server B restarts: the student reconnects to it and finds the class exactly where it was.
    await serverB.stop();
    serverB = await startApiProcess(db.url);
    const again = follow(serverB, { code: session.code, playerToken: joined.playerToken });
    const resumed = await again.waitFor(() => true);
    expect(resumed).toMatchObject({ state: 'QUESTION_CLOSED', version: closed.version, me: { score: 1000, lastAnswer: { correct: true } } });

    await post(serverA, MOVE, { sessionId: session.id, hostToken, action: 'END' });
    await again.waitFor((v) => v.state === 'FINISHED');
    // Updates arrive in order: versions never go back.
    const versions = student.updates.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('refuses to follow with a wrong host token or an unknown code', async () => {
    const created = (await post(serverA, `mutation ($quizId: ID!) { createSession(quizId: $quizId) { session { code } } }`, { quizId })).createSession;
    const wrongHost = follow(serverB, { code: created.session.code, hostToken: 'not-the-token' });
    expect((await wrongHost.waitForError()).extensions?.code).toBe('FORBIDDEN');
    const unknown = follow(serverA, { code: 'ZZZZZZ' });
    expect((await unknown.waitForError()).extensions?.code).toBe('NOT_FOUND');
    expect(wrongHost.updates).toEqual([]);
  });
});
