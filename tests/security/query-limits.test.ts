// Deep, wide, costly, aliased and directive-stuffed documents, alias and
// batch floods, and introspection bombs, through the real endpoint over HTTP
// and over WebSocket: each refused with its own code before anything runs,
// documents just inside the limits still answered, nothing changed, the
// server up. And in production, validation errors do not suggest field names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { QUERY_LIMIT_CODES, QUERY_LIMITS } from '../../graphql/protection/query-limits.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';
import { expectNoDataChange, expectNoLeak, expectServerUp, fingerprint, freshAddress, gql, sendRaw, startTarget, wsClient, wsRun, type Fingerprint, type Target } from './helpers.ts';

let target: Target;
let before: Fingerprint;

beforeAll(async () => {
  target = await startTarget();
  before = await fingerprint(target.db);
});
afterAll(async () => {
  await target?.close();
});

/** `n` nested list fields (quizzes → articles → quizzes …) around `id`. */
function chain(n: number, leaf = 'id'): string {
  let selection = leaf;
  for (let level = n - 1; level >= 0; level -= 1) selection = `${level % 2 === 0 ? 'quizzes' : 'articles'} { ${selection} }`;
  return selection;
}

const aliases = (n: number, field = 'apiVersion') => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

/** Fragments that each spread the next twice: 2^levels leaves from a few hundred bytes. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { apiVersion ...F${i + 1} ...F${i + 1} }`);
  return `{ ...F0 }\n${fragments.join('\n')}\nfragment F${levels} on Query { scoringRules { mode text } }`;
}

/** The same depth as `chain(n)`, but through fragments, which the depth rule flattens. */
function deepThroughFragments(n: number): string {
  // D0 on Query selects quizzes; odd ones (on Quiz) select articles; even ones (on Article) select quizzes.
  const on = (i: number) => (i === 0 ? 'Query' : i % 2 === 1 ? 'Quiz' : 'Article');
  const field = (i: number) => (i % 2 === 0 ? 'quizzes' : 'articles');
  const fragments = Array.from({ length: n }, (_, i) => `fragment D${i} on ${on(i)} { ${field(i)} { ${i === n - 1 ? 'id' : `...D${i + 1}`} } }`);
  return `{ ...D0 }\n${fragments.join('\n')}`;
}

const WIDE = 'id title body outlet url wordCount readingMinutes '.repeat(40);

/** Documents past a limit, with the code each must be refused with. */
const OVER_LIMITS: { name: string; document: () => string; code: string }[] = [
  { name: `more than ${QUERY_LIMITS.maxTokens} tokens`, document: () => `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`, code: QUERY_LIMIT_CODES.tokens },
  { name: 'ten thousand tokens in one line', document: () => `{ ${'a: __typename '.repeat(3_400)} }`, code: QUERY_LIMIT_CODES.tokens },
  { name: `depth ${QUERY_LIMITS.maxDepth + 1}`, document: () => `{ ${chain(QUERY_LIMITS.maxDepth + 1)} }`, code: QUERY_LIMIT_CODES.depth },
  { name: 'depth 60', document: () => `{ ${chain(60)} }`, code: QUERY_LIMIT_CODES.depth },
  { name: `depth ${QUERY_LIMITS.maxDepth + 1} through fragments`, document: () => deepThroughFragments(QUERY_LIMITS.maxDepth + 1), code: QUERY_LIMIT_CODES.depth },
  { name: `cost over ${QUERY_LIMITS.maxCost} (wide and deep)`, document: () => `{ ${chain(6, WIDE)} }`, code: QUERY_LIMIT_CODES.cost },
  { name: 'a fragment bomb (2^24 leaves)', document: () => fragmentBomb(24), code: QUERY_LIMIT_CODES.cost },
  { name: `${QUERY_LIMITS.maxAliases + 1} aliases`, document: () => `{ ${aliases(QUERY_LIMITS.maxAliases + 1)} }`, code: QUERY_LIMIT_CODES.aliases },
  { name: 'an alias flood of 150', document: () => `{ ${aliases(150)} }`, code: QUERY_LIMIT_CODES.aliases },
  { name: `${QUERY_LIMITS.maxDirectives + 1} directives`, document: () => `{ ${'__typename @include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} }`, code: QUERY_LIMIT_CODES.directives },
  { name: 'a directive flood of 100', document: () => `{ ${'__typename @skip(if: false) '.repeat(100)} }`, code: QUERY_LIMIT_CODES.directives },
];

/**
 * Documents just inside the limits: they get past every limit (and run), so
 * the refusals above are the limits' doing. The one near the token limit is
 * a list of enum values (900 identical fields would trip graphql-js's own
 * guard on comparing overlapping fields instead); its quiz does not exist,
 * so it runs and ends NOT_FOUND, changing nothing.
 */
const WITHIN_LIMITS: { name: string; document: string }[] = [
  { name: `${QUERY_LIMITS.maxTokens - 100} tokens`, document: `mutation { createSession(quizId: "none", settings: { questionTypes: [${'WHO_SAID '.repeat(QUERY_LIMITS.maxTokens - 120)}] }) { hostToken } }` },
  { name: 'depth 4', document: `{ ${chain(4)} }` },
  { name: `${QUERY_LIMITS.maxAliases} aliases`, document: `{ ${aliases(QUERY_LIMITS.maxAliases)} }` },
  { name: `${QUERY_LIMITS.maxDirectives} directives`, document: `{ ${'__typename @include(if: true) '.repeat(QUERY_LIMITS.maxDirectives)} }` },
  { name: 'a fragment tree of 8 leaves', document: fragmentBomb(3) },
];

describe('query limits over HTTP', () => {
  it.each(OVER_LIMITS)('refuses $name with $code (HTTP 400) before running anything', async ({ document, code }) => {
    const started = Date.now();
    const reply = await gql(target.api, document());
    expect(reply.status).toBe(400);
    expect(reply.errors.map((error) => error.extensions?.code), reply.text.slice(0, 400)).toContain(code);
    expect(reply.data).toBeUndefined();
    expectNoLeak(reply);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each(WITHIN_LIMITS)('lets $name through', async ({ document }) => {
    const reply = await gql(target.api, document);
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(reply.errors.map((error) => error.extensions?.code).filter((code) => code !== 'NOT_FOUND')).toEqual([]);
  });

  it('refuses an alias flood of a mutation whole: no game is started', async () => {
    const games = await target.db.prisma.game.count();
    const flood = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `g${i}: startGame(quizId: $q, nickname: "Flood${i}") { playerToken }`).join(' ');
    const reply = await gql(target.api, `mutation ($q: ID!) { ${flood} }`, { q: target.db.storyQuizId });
    expect(reply.status).toBe(400);
    expect(reply.code).toBe(QUERY_LIMIT_CODES.aliases);
    expect(await target.db.prisma.game.count()).toBe(games);
  });

  it('refuses introspection bombs (introspection is exempt from depth and cost, not from the introspection depth rule)', async () => {
    let nested = 'name';
    for (let level = 0; level < 12; level += 1) nested = `fields { type { ${nested} } }`;
    for (const document of [`{ __schema { types { ${nested} } } }`, `{ __type(name: "Query") { ${nested} } }`]) {
      const started = Date.now();
      const reply = await gql(target.api, document);
      expect(reply.status).toBe(400);
      expect(reply.errors.length).toBeGreaterThan(0);
      expect(reply.data).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('refuses batched requests (a JSON array) with 400 "Operation batching disabled."; none of the batch runs', async () => {
    const startGame = { query: 'mutation ($q: ID!, $n: String!) { startGame(quizId: $q, nickname: $n) { playerToken } }' };
    const batches = [
      [{ query: '{ __typename }' }, { query: '{ __typename }' }],
      Array.from({ length: 50 }, (_, i) => ({ ...startGame, variables: { q: target.db.storyQuizId, n: `Batch${i}` } })),
      [{ ...startGame, variables: { q: target.db.storyQuizId, n: 'Single' } }],
    ];
    const games = await target.db.prisma.game.count();
    for (const batch of batches) {
      const reply = await sendRaw(target.api, { body: JSON.stringify(batch), headers: { 'content-type': 'application/json' } });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    expect(await target.db.prisma.game.count()).toBe(games);
  });

  it('answers a document padded to 900 KB with a comment (comments are not tokens), quickly', async () => {
    const started = Date.now();
    const reply = await gql(target.api, `# ${'x'.repeat(900_000)}\n{ __typename }`);
    expect(reply.json).toEqual({ data: { __typename: 'Query' } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('query limits over WebSocket', () => {
  it.each(OVER_LIMITS)('refuses $name with $code', async ({ document, code }) => {
    const client = wsClient(target.api);
    try {
      const outcome = await wsRun(client, document());
      expect(outcome.results.filter((result) => result.data), 'nothing ran').toEqual([]);
      expect(outcome.errors.map((error) => error.extensions?.code), JSON.stringify(outcome).slice(0, 400)).toContain(code);
      expectNoLeak({ errors: outcome.errors, text: JSON.stringify(outcome.errors) });
    } finally {
      await client.dispose();
    }
  });

  it.each(WITHIN_LIMITS)('lets $name through', async ({ document }) => {
    const client = wsClient(target.api);
    try {
      const outcome = await wsRun(client, document);
      expect(outcome.errors, JSON.stringify(outcome).slice(0, 300)).toEqual([]);
      expect(outcome.results).toHaveLength(1);
      expect((outcome.results[0]!.errors ?? []).map((error) => error.extensions?.code).filter((code) => code !== 'NOT_FOUND')).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses an alias flood of a mutation sent over the socket: no game is started', async () => {
    const games = await target.db.prisma.game.count();
    const flood = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `g${i}: startGame(quizId: $q, nickname: "Flood${i}") { playerToken }`).join(' ');
    const client = wsClient(target.api);
    try {
      const outcome = await wsRun(client, `mutation ($q: ID!) { ${flood} }`, { q: target.db.storyQuizId });
      expect(outcome.code).toBe(QUERY_LIMIT_CODES.aliases);
    } finally {
      await client.dispose();
    }
    expect(await target.db.prisma.game.count()).toBe(games);
  });

  it('closes a socket that sends a message over 100 KB (1009), and keeps serving others', async () => {
    const socket = new WebSocket(target.api.wsUrl, 'graphql-transport-ws', { headers: { 'x-forwarded-for': freshAddress() } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('error', () => {});
    socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }', variables: { padding: 'x'.repeat(200_000) } } }));
    expect(await closed).toBe(1009);
    const client = wsClient(target.api);
    try {
      expect((await wsRun(client, '{ __typename }')).results[0]?.data).toEqual({ __typename: 'Query' });
    } finally {
      await client.dispose();
    }
  });
});

describe('query limits: afterwards', () => {
  it('nothing changed, and the server is up', async () => {
    await expectNoDataChange(target.db, before);
    await expectServerUp(target.api);
  });
});

describe('field suggestions', () => {
  // Misspellings that graphql-js answers with "Did you mean …?": in the document (a field, an argument, a
  // type, an enum value, an input field: validation) and in variables (an enum value, an input field: coercion).
  const PROBES: { query: string; variables?: Record<string, unknown> }[] = [
    { query: '{ artcles { id } }' },
    { query: '{ article(idd: "x") { id } }' },
    { query: 'query ($s: SessionSetings) { __typename }' },
    { query: '{ leaderboard(period: AL_TIME) { period } }' },
    { query: 'mutation { createSession(quizId: "x", settings: { timLimitSeconds: 5 }) { hostToken } }' },
    { query: 'query ($p: LeaderboardPeriod) { leaderboard(period: $p) { period } }', variables: { p: 'AL_TIME' } },
    { query: 'mutation ($s: SessionSettings) { createSession(quizId: "x", settings: $s) { hostToken } }', variables: { s: { timLimitSeconds: 5 } } },
  ];
  let production: GraphQLTestServer;

  beforeAll(async () => {
    // The server reads NODE_ENV when it is built.
    // (Next.js types NODE_ENV as read-only, hence the indirection.)
    const env = process.env as Record<string, string | undefined>;
    const previous = env.NODE_ENV;
    env.NODE_ENV = 'production';
    try {
      production = await startGraphQLServer(target.db, { trustProxyHops: 1 });
    } finally {
      if (previous === undefined) delete env.NODE_ENV;
      else env.NODE_ENV = previous;
    }
  });
  afterAll(async () => {
    await production?.close();
  });

  it('are given outside production (so the checks below can see them)', async () => {
    for (const { query, variables } of PROBES) {
      const reply = await gql(target.api, query, variables);
      expect(reply.status).toBe(400);
      expect(reply.text, query).toContain('Did you mean');
    }
  });

  it('are hidden in production over HTTP', async () => {
    for (const { query, variables } of PROBES) {
      const reply = await gql(production, query, variables);
      expect(reply.status).toBe(400);
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(reply.code);
      expect(reply.text, query).not.toContain('Did you mean');
    }
  });

  it('are hidden in production over WebSocket', async () => {
    const client = wsClient(production);
    try {
      for (const { query, variables } of PROBES) {
        const outcome = await wsRun(client, query, variables);
        expect(outcome.errors.length + outcome.results.length, query).toBeGreaterThan(0);
        expect(JSON.stringify(outcome), query).not.toContain('Did you mean');
      }
    } finally {
      await client.dispose();
    }
  });
});
