// Floods of the operations a bot would hammer, each past its limit in
// rate-limits.ts: games started and answers sent with one token (from
// rotating addresses, so only the per-token limit can refuse them), sessions
// hosted and articles imported from one address. Past the limit: 429 with
// Retry-After, RATE_LIMITED, and nothing written; others are not affected;
// a second server on the same database refuses too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../graphql/protection/rate-limits.ts';
import { startGraphQLServer } from '../helpers/graphql-server.ts';
import { expectNoDataChange, expectNoLeak, expectServerUp, fingerprint, freshAddress, gql, startTarget, type Reply, type Target } from './helpers.ts';
import { hostSession, madeUpToken, playGame } from './fixtures.ts';

const START = 'mutation ($q: ID!, $t: String) { startGame(quizId: $q, nickname: "Flood", playerToken: $t) { playerToken game { id } } }';
const SUBMIT = 'mutation ($g: ID!, $q: ID!, $c: ID!, $t: String!) { submitAnswer(gameId: $g, questionId: $q, choiceId: $c, playerToken: $t) { correct } }';
const EXPIRE = 'mutation ($g: ID!, $q: ID!, $t: String!) { expireQuestion(gameId: $g, questionId: $q, playerToken: $t) { correct } }';
const ANSWER = 'mutation ($s: ID!, $q: ID!, $c: ID!, $t: String!) { answerSessionQuestion(sessionId: $s, questionId: $q, choiceId: $c, playerToken: $t) { questionId } }';
const CREATE = 'mutation ($q: ID!) { createSession(quizId: $q) { hostToken } }';
const IMPORT = 'mutation ($t: String, $a: String) { importArticle(text: "A short article. It ends here.", hostToken: $t, adminToken: $a) { created } }';

let target: Target;

beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target?.close();
});

function expectRateLimited(reply: Reply, what: string): void {
  expect(reply.status, reply.text.slice(0, 300)).toBe(429);
  expect(reply.code).toBe('RATE_LIMITED');
  expect(reply.errors[0]!.message).toMatch(new RegExp(`^Too many ${what}; try again in \\d+ s$`));
  const seconds = reply.errors[0]!.extensions!.retryAfterSeconds!;
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(reply.headers.get('retry-after')).toBe(String(seconds));
  expectNoLeak(reply);
}

describe('per token', () => {
  it(`refuses game ${LIMITS.startPerToken.points + 1} started with one token within a minute, from any address; other tokens go on`, async () => {
    const { api, db } = target;
    const first = await gql(api, START, { q: db.storyQuizId });
    const token = first.data.startGame.playerToken as string;
    for (let i = 0; i < LIMITS.startPerToken.points; i += 1) {
      const reply = await gql(api, START, { q: db.storyQuizId, t: token });
      expect(reply.errors, `game ${i + 1}`).toEqual([]);
    }
    const before = await fingerprint(db);
    const refused = await gql(api, START, { q: db.storyQuizId, t: token });
    expectRateLimited(refused, LIMITS.startPerToken.what);
    expect(refused.errors[0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.startPerToken.seconds);
    await expectNoDataChange(db, before);
    // A second server on the same database keeps the same count.
    const second = await startGraphQLServer(db, { trustProxyHops: 1 });
    try {
      expect((await gql(second, START, { q: db.storyQuizId, t: token })).code).toBe('RATE_LIMITED');
    } finally {
      await second.close();
    }
    // Another player is not affected.
    expect((await gql(api, START, { q: db.storyQuizId })).errors).toEqual([]);
  });

  it(`refuses answer ${LIMITS.answerPerToken.points + 1} within a minute with one player token (submitAnswer and expireQuestion together), and records one answer`, async () => {
    const { api, db } = target;
    const game = await playGame(api, db.storyQuizId, 'Quick');
    const other = await playGame(api, db.storyQuizId, 'Calm');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < LIMITS.answerPerToken.points; i += 1) {
      const reply =
        i % 2 === 0
          ? await gql(api, SUBMIT, { g: game.gameId, q: game.questionId, c: game.choiceIds[0], t: game.playerToken })
          : await gql(api, EXPIRE, { g: game.gameId, q: game.questionId, t: game.playerToken });
      codes.push(reply.code);
    }
    expect(codes[0]).toBeUndefined();
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toEqual([]);
    const before = await fingerprint(db);
    const refused = await gql(api, SUBMIT, { g: game.gameId, q: game.questionId, c: game.choiceIds[1], t: game.playerToken });
    expectRateLimited(refused, LIMITS.answerPerToken.what);
    await expectNoDataChange(db, before);
    expect(await db.prisma.answer.count({ where: { gameId: game.gameId } })).toBe(1);
    // Another player, from the same addresses, answers.
    expect((await gql(api, SUBMIT, { g: other.gameId, q: other.questionId, c: other.choiceIds[0], t: other.playerToken })).errors).toEqual([]);
  });

  it(`refuses classroom answer ${LIMITS.answerPerToken.points + 1} within a minute from one student`, async () => {
    const { api, db } = target;
    const session = await hostSession(api, db.storyQuizId, ['Tap', 'Calm']);
    const [tapper, calm] = session.players;
    const answer = (token: string, choice: string) => gql(api, ANSWER, { s: session.sessionId, q: session.questionId, c: choice, t: token });
    for (let i = 0; i < LIMITS.answerPerToken.points; i += 1) {
      const reply = await answer(tapper!.playerToken, session.choiceIds![i % session.choiceIds!.length]!);
      expect(reply.code === undefined || reply.code === 'ALREADY_ANSWERED', reply.text).toBe(true);
    }
    const before = await fingerprint(db);
    expectRateLimited(await answer(tapper!.playerToken, session.choiceIds![0]!), LIMITS.answerPerToken.what);
    await expectNoDataChange(db, before);
    expect(await db.prisma.sessionAnswer.count({ where: { sessionId: session.sessionId } })).toBe(1);
    expect((await answer(calm!.playerToken, session.choiceIds![0]!)).errors).toEqual([]);
  });

  it(`refuses import ${LIMITS.importPerToken.points + 1} within an hour with one token, even a wrong one, and imports nothing`, async () => {
    const { api, db } = target;
    const token = madeUpToken();
    for (let i = 0; i < LIMITS.importPerToken.points; i += 1) expect((await gql(api, IMPORT, { t: token })).code).toBe('FORBIDDEN');
    const before = await fingerprint(db);
    expectRateLimited(await gql(api, IMPORT, { t: token }), LIMITS.importPerToken.what);
    expectRateLimited(await gql(api, IMPORT, { a: token }), LIMITS.importPerToken.what);
    await expectNoDataChange(db, before);
  });
});

describe('per address', () => {
  it(`refuses session ${LIMITS.hostPerAddress.points + 1} hosted from one address within ten minutes; other addresses host`, async () => {
    const { api, db } = target;
    const address = freshAddress();
    for (let i = 0; i < LIMITS.hostPerAddress.points; i += 1) expect((await gql(api, CREATE, { q: db.storyQuizId }, address)).errors).toEqual([]);
    const before = await fingerprint(db);
    expectRateLimited(await gql(api, CREATE, { q: db.storyQuizId }, address), LIMITS.hostPerAddress.what);
    await expectNoDataChange(db, before);
    expect((await gql(api, CREATE, { q: db.storyQuizId })).errors).toEqual([]);
  });

  it(`refuses import ${LIMITS.importPerAddress.points + 1} from one address within an hour, whatever the token`, async () => {
    const { api } = target;
    const address = freshAddress();
    for (let i = 0; i < LIMITS.importPerAddress.points; i += 1) expect((await gql(api, IMPORT, { t: madeUpToken() }, address)).code).toBe('FORBIDDEN');
    expectRateLimited(await gql(api, IMPORT, { t: madeUpToken() }, address), LIMITS.importPerAddress.what);
  });

  it('the server is up', async () => {
    await expectServerUp(target.api);
  });
});
