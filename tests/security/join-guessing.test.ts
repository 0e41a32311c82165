// Guessing join codes: a thousand joinSession attempts with well-formed
// random codes from one address. At most 30 unknown codes are looked up; the
// rest are refused with 429 and Retry-After, no one joins anything, and the
// address stays blocked (even for a real code, and whatever it writes to the
// left of X-Forwarded-For) while another address joins the real session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../lib/sessions/join-code.ts';
import { LIMITS } from '../../graphql/protection/rate-limits.ts';
import { expectNoDataChange, expectNoLeak, expectServerUp, fingerprint, freshAddress, gql, inBatches, sendRaw, startTarget, wsClient, wsRun, type Fingerprint, type Reply, type Target } from './helpers.ts';
import { hostSession, type HostedSession } from './fixtures.ts';

const JOIN = 'mutation ($code: String!, $nickname: String!) { joinSession(code: $code, nickname: $nickname) { playerToken player { id } } }';
const VIEW = 'query ($code: String!) { session(code: $code) { id } }';
const FOLLOW = 'subscription ($code: String!) { sessionUpdated(code: $code) { id } }';
const MISSES = LIMITS.codeMissPerAddress.points;

let target: Target;
let session: HostedSession;
let before: Fingerprint;

/** A well-formed code that is not the real one. */
function guess(): string {
  for (;;) {
    const code = Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[Math.floor(Math.random() * JOIN_CODE_ALPHABET.length)]).join('');
    if (code !== session.code) return code;
  }
}

/** A 429 as the rate limits send it: Retry-After equal to `retryAfterSeconds`, and a message saying what was too many. */
function expectRateLimited(reply: Reply, what?: RegExp): void {
  expect(reply.status, reply.text.slice(0, 300)).toBe(429);
  expect(reply.code).toBe('RATE_LIMITED');
  const seconds = reply.errors[0]!.extensions!.retryAfterSeconds;
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(reply.headers.get('retry-after')).toBe(String(seconds));
  expect(reply.errors[0]!.message).toMatch(/^Too many .+; try again in \d+ s$/);
  if (what) expect(reply.errors[0]!.message).toMatch(what);
  expect(reply.data?.joinSession ?? null).toBeNull();
  expectNoLeak(reply);
}

beforeAll(async () => {
  target = await startTarget();
  session = await hostSession(target.api, target.db.storyQuizId, ['Ann'], false);
  before = await fingerprint(target.db);
});
afterAll(async () => {
  await target?.close();
});

describe('a thousand guessed join codes from one address', () => {
  const guesser = freshAddress();

  it(`finds no session: ${MISSES} NOT_FOUND, then RATE_LIMITED (429, Retry-After), and no one joins`, async () => {
    const attempts = Array.from({ length: 1_000 }, (_, i) => () => gql(target.api, JOIN, { code: guess(), nickname: `Guess${i}` }, guesser));
    const started = Date.now();
    const replies = await inBatches(attempts, 20);
    const ms = Date.now() - started;
    console.log(`1,000 join attempts with guessed codes, 20 at a time: ${ms} ms`);

    const codes = replies.map((reply) => reply.code);
    expect(codes.filter((code) => code !== 'NOT_FOUND' && code !== 'RATE_LIMITED'), 'other outcomes').toEqual([]);
    expect(codes.filter((code) => code === 'NOT_FOUND')).toHaveLength(MISSES);
    for (const reply of replies.filter((r) => r.code === 'NOT_FOUND')) {
      expect(reply.status).toBe(200);
      expect(reply.errors[0]!.message).toMatch(/^There is no session with code [A-Z0-9]{6}$/);
    }
    for (const reply of replies.filter((r) => r.code === 'RATE_LIMITED')) expectRateLimited(reply);
    // Once blocked, the guesser is refused by the guessing block before anything else is counted,
    // so the join limit (600 a minute) is never reached.
    expect(replies.filter((r) => /joins from this network/.test(r.errors[0]?.message ?? ''))).toHaveLength(0);
    // The guessing block lasts 30 minutes (requests racing the one that set it may be told the 10-minute window instead).
    const blockedFor = replies.filter((r) => /unknown join codes/.test(r.errors[0]?.message ?? '')).map((r) => r.errors[0]!.extensions!.retryAfterSeconds!);
    expect(blockedFor).toHaveLength(1_000 - MISSES);
    expect(Math.max(...blockedFor)).toBeGreaterThan(LIMITS.codeMissPerAddress.blockSeconds - 120);
    expect(ms).toBeLessThan(60_000);
    await expectNoDataChange(target.db, before);
  });

  it('keeps refusing that address even the real code (join, view, live view), and a spoofed X-Forwarded-For prefix does not help', async () => {
    expectRateLimited(await gql(target.api, JOIN, { code: session.code, nickname: 'Mallory' }, guesser));
    const view = await gql(target.api, VIEW, { code: session.code }, guesser);
    expectRateLimited(view, /unknown join codes/);
    expect(view.errors[0]!.extensions!.retryAfterSeconds).toBeGreaterThan(LIMITS.codeMissPerAddress.blockSeconds - 120);
    // With one trusted proxy the last X-Forwarded-For entry is the client; what the client writes before it is ignored.
    const spoofed = await sendRaw(target.api, {
      body: JSON.stringify({ query: VIEW, variables: { code: session.code } }),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${freshAddress()}, ${freshAddress()}, ${guesser}` },
      address: guesser,
    });
    expect(spoofed.code).toBe('RATE_LIMITED');
    const client = wsClient(target.api, guesser);
    try {
      const refused = await wsRun(client, FOLLOW, { code: session.code });
      expect(refused.code).toBe('RATE_LIMITED');
      // The HTTP status Apollo turns into a 429 is not the client's business over a socket.
      const error = refused.errors[0] ?? refused.results[0]?.errors?.[0];
      expect(error?.extensions).not.toHaveProperty('http');
      expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await client.dispose();
    }
    await expectNoDataChange(target.db, before);
  });

  it('lets another address join the real session', async () => {
    const joined = await gql(target.api, JOIN, { code: session.code, nickname: 'Ben' });
    expect(joined.errors).toEqual([]);
    expect(joined.data.joinSession.playerToken).toBeTruthy();
    expect(await target.db.prisma.sessionPlayer.count({ where: { sessionId: session.sessionId } })).toBe(2);
    await expectServerUp(target.api);
  });
});

describe('the guessing limit', () => {
  it(`blocks after the ${MISSES + 1}st unknown code, counting lookups by join, view and live view together`, async () => {
    const address = freshAddress();
    const client = wsClient(target.api, address);
    try {
      const outcomes: (string | undefined)[] = [];
      for (let i = 0; i < MISSES; i += 1) {
        if (i % 3 === 0) outcomes.push((await gql(target.api, JOIN, { code: guess(), nickname: 'Guess' }, address)).code);
        else if (i % 3 === 1) outcomes.push((await gql(target.api, VIEW, { code: guess() }, address)).code);
        else outcomes.push((await wsRun(client, FOLLOW, { code: guess() })).code);
      }
      expect(outcomes).toEqual(Array(MISSES).fill('NOT_FOUND'));
      // Still allowed: a student who mistyped a few times can join.
      expect((await gql(target.api, VIEW, { code: session.code }, address)).errors).toEqual([]);
      const over = await gql(target.api, VIEW, { code: guess() }, address);
      expectRateLimited(over, /unknown join codes/);
      expectRateLimited(await gql(target.api, JOIN, { code: session.code, nickname: 'Cleo' }, address), /unknown join codes/);
    } finally {
      await client.dispose();
    }
  });

  it('does not count codes that are malformed (refused before any lookup) or real', async () => {
    const address = freshAddress();
    for (let i = 0; i < MISSES + 5; i += 1) {
      const malformed = await gql(target.api, VIEW, { code: 'X'.repeat(17) }, address);
      expect(malformed.code).toBe('BAD_USER_INPUT');
      expect((await gql(target.api, VIEW, { code: session.code.toLowerCase() }, address)).errors).toEqual([]);
    }
    expect((await gql(target.api, VIEW, { code: guess() }, address)).code).toBe('NOT_FOUND');
  });
});
