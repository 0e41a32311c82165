// Scale-out: two stateless server processes on one database behave as one
// server. A game moves between them request by request, and the rate limits
// (counted in PostgreSQL) add up across them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startApiProcess, type ApiProcess } from '../helpers/api-process.ts';
import { LIMITS } from '../../graphql/protection/rate-limits.ts';
import { JOIN_CODE_ALPHABET } from '../../lib/sessions/join-code.ts';

let db: TestDatabase;
let servers: ApiProcess[];
let quizId: string;

const START = `mutation ($quizId: ID!) { startGame(quizId: $quizId, nickname: "Roamer", mode: ACCURACY) { playerToken game { id questionCount } } }`;
const NEXT = `mutation ($gameId: ID!, $playerToken: String!) { nextQuestion(gameId: $gameId, playerToken: $playerToken) { id choices { id } } }`;
const SUBMIT = `mutation ($gameId: ID!, $questionId: ID!, $choiceId: ID!, $playerToken: String!) {
  submitAnswer(gameId: $gameId, questionId: $questionId, choiceId: $choiceId, playerToken: $playerToken) { points score game { status } } }`;
const JOIN = `mutation ($code: String!) { joinSession(code: $code, nickname: "Guesser") { playerToken } }`;

beforeAll(async () => {
  const seeded = await createQuizDatabase();
  db = seeded;
  quizId = (await db.prisma.quiz.findFirstOrThrow({ where: { kind: 'ARTICLE' } })).id;
  servers = await Promise.all([startApiProcess(db.url), startApiProcess(db.url)]);
}, 60_000);

afterAll(async () => {
  await Promise.all((servers ?? []).map((server) => server.stop()));
  await db?.drop();
});

describe('two server processes on one database', () => {
  it('play one game with every request going to the other process', async () => {
    const started = await servers[0]!.query(START, { quizId });
    expect(started.errors).toBeUndefined();
    const { playerToken, game } = started.data.startGame;
    let step = 1;
    let total = 0;
    let last: any;
    for (let question = 0; question < game.questionCount; question += 1) {
      const served = await servers[step++ % 2]!.query(NEXT, { gameId: game.id, playerToken });
      expect(served.errors).toBeUndefined();
      const { id, choices } = served.data.nextQuestion;
      const answered = await servers[step++ % 2]!.query(SUBMIT, { gameId: game.id, questionId: id, choiceId: choices[0].id, playerToken });
      expect(answered.errors).toBeUndefined();
      total += answered.data.submitAnswer.points;
      last = answered.data.submitAnswer;
    }
    expect(last.game.status).toBe('FINISHED');
    expect(last.score).toBe(total);
    const stored = await db.prisma.game.findUniqueOrThrow({ where: { id: game.id }, include: { answers: true } });
    expect(stored.answers).toHaveLength(game.questionCount);
    expect(stored.score).toBe(total);
  });

  it('count join-code guesses against one limit, whichever process receives them', async () => {
    const allowed = LIMITS.codeMissPerAddress.points;
    // Well-formed codes that no session has (no session exists in this test).
    const letter = (n: number) => JOIN_CODE_ALPHABET[n % JOIN_CODE_ALPHABET.length]!;
    const codes = Array.from({ length: allowed + 4 }, (_, i) => `QQQQ${letter(Math.floor(i / JOIN_CODE_ALPHABET.length))}${letter(i)}`);
    const outcomes: string[] = [];
    // Alternate between the processes, one at a time, so the order is known.
    for (const [index, code] of codes.entries()) {
      const result = await servers[index % 2]!.query(JOIN, { code });
      outcomes.push(result.errors?.[0]?.extensions.code ?? 'JOINED');
    }
    expect(outcomes.slice(0, allowed)).toEqual(Array(allowed).fill('NOT_FOUND'));
    expect(outcomes.slice(allowed)).toEqual(Array(codes.length - allowed).fill('RATE_LIMITED'));
    // Both processes refuse from now on.
    for (const server of servers) {
      const refused = await server.query(JOIN, { code: 'QQ3333' });
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    }
    expect(await db.prisma.sessionPlayer.count()).toBe(0);
  });
});
