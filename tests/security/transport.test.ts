// What arrives before GraphQL: oversized bodies (plain, streamed, gzipped),
// giant strings in every argument, nested and polluting JSON, malformed
// bodies, cross-site request forgery by content type, and other methods.
// Each gets its refusal, nothing runs, nothing changes, the server stays up.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../graphql/http-handler.ts';
import { ARGUMENT_CHECKS } from '../../graphql/protection/argument-checks.ts';
import {
  callField,
  expectNoDataChange,
  expectNoLeak,
  expectServerUp,
  fingerprint,
  freshAddress,
  gql,
  rootFields,
  sendRaw,
  startTarget,
  type Fingerprint,
  type RootField,
  type Target,
} from './helpers.ts';

let target: Target;
let fields: RootField[];
let before: Fingerprint;

const START_GAME = 'mutation ($q: ID!, $n: String!) { startGame(quizId: $q, nickname: $n) { playerToken } }';
const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n";

beforeAll(async () => {
  target = await startTarget();
  fields = await rootFields(target.api);
  before = await fingerprint(target.db);
});
afterAll(async () => {
  await target?.close();
});

const startGameBody = (nickname = 'Mallory', padding?: string) =>
  JSON.stringify({ query: START_GAME, variables: { q: target.db.storyQuizId, n: nickname, ...(padding ? { padding } : {}) } });

describe('oversized bodies', () => {
  it(`refuses a body over ${MAX_BODY_BYTES.toLocaleString('en-US')} bytes with 413 PAYLOAD_TOO_LARGE, before running it`, async () => {
    for (const size of [MAX_BODY_BYTES + 1_000, 5_000_000]) {
      const reply = await sendRaw(target.api, { body: startGameBody('Mallory', 'x'.repeat(size)), headers: { 'content-type': 'application/json' } });
      expect(reply.status).toBe(413);
      expect(reply.json).toEqual({ errors: [{ message: `Request body is larger than ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    }
  });

  it('refuses a streamed body (no Content-Length) once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }","variables":{"padding":"'));
      },
      pull(controller) {
        if (sent > 3 * MAX_BODY_BYTES) {
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(target.api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a gzip bomb (40 KB that inflates to 40 MB) with 413', async () => {
    const bomb = zlib.gzipSync(Buffer.concat([Buffer.from('{"query":"{ __typename }","variables":{"p":"'), Buffer.alloc(40_000_000, 0x61), Buffer.from('"}}')]));
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const reply = await sendRaw(target.api, { body: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(reply.status).toBe(413);
    expect(reply.code).toBe('PAYLOAD_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an unsupported content encoding or charset without reading it as JSON', async () => {
    const encoded = await sendRaw(target.api, { body: startGameBody(), headers: { 'content-type': 'application/json', 'content-encoding': 'x-unheard-of' } });
    expect(encoded.status).toBe(415);
    expect(encoded.code).toBe('BAD_REQUEST');
    const charset = await sendRaw(target.api, { body: startGameBody(), headers: { 'content-type': 'application/json; charset=latin1' } });
    expect(charset.status).toBe(415);
    expect(charset.code).toBe('BAD_REQUEST');
    expectNoLeak(encoded);
    expectNoLeak(charset);
  });
});

/** Values of the right shape for required arguments that are not strings (by name), so a call is otherwise well-formed. */
const NON_STRING_FILLERS: Record<string, unknown> = { action: 'START', locked: true };

/** A well-formed value for every required argument of `field`, with `argument` set to `value`. */
function argumentsWith(field: RootField, argument: string, value: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name === argument) values[arg.name] = value;
    else if (!arg.required) continue;
    else if (arg.named === 'ID') values[arg.name] = arg.name === 'choiceId' ? 'c0000000000000000000000001:0' : 'c0000000000000000000000001';
    else if (arg.named === 'String') values[arg.name] = arg.name === 'code' ? 'ACDEFG' : 'Nina';
    else if (arg.name in NON_STRING_FILLERS) values[arg.name] = NON_STRING_FILLERS[arg.name];
    else throw new Error(`${field.key}: no filler for required argument ${arg.name}: ${arg.type}; add one to NON_STRING_FILLERS`);
  }
  return values;
}

describe('giant strings in arguments', () => {
  it('every String and ID argument of every root field has a length check', () => {
    const stringArgs = fields.flatMap((f) => f.args.filter((arg) => arg.named === 'String' || arg.named === 'ID').map((arg) => `${f.key}(${arg.name})`));
    expect(stringArgs.length).toBeGreaterThan(30);
    const unchecked = fields.flatMap((f) => f.args.filter((arg) => (arg.named === 'String' || arg.named === 'ID') && !(arg.name in ARGUMENT_CHECKS)).map((arg) => `${f.key}(${arg.name})`));
    expect(unchecked, 'String/ID arguments without an entry in ARGUMENT_CHECKS').toEqual([]);
  });

  it('refuses a 900 KB string in any String or ID argument with BAD_USER_INPUT naming the argument (subscriptions: 90 KB over WebSocket)', async () => {
    let attacked = 0;
    for (const field of fields) {
      for (const arg of field.args.filter((a) => a.named === 'String' || a.named === 'ID')) {
        // A WebSocket message is limited to 100 KB, so a subscription gets the most it can carry.
        const huge = (field.root === 'Subscription' ? '\u00e9' : 'A').repeat(field.root === 'Subscription' ? 45_000 : 900_000);
        const reply = await callField(target.api, field, argumentsWith(field, arg.name, huge));
        const where = `${field.key}(${arg.name})`;
        expect(reply.code, `${where}: ${reply.text.slice(0, 300)}`).toBe('BAD_USER_INPUT');
        expect(reply.errors[0]!.extensions?.argumentName, where).toBe(arg.name);
        expect(reply.errors[0]!.message, where).toMatch(new RegExp(`^${arg.name} must be at most [\\d,]+ characters$`));
        expect(reply.text.length, `${where}: the refusal does not echo the value`).toBeLessThan(2_000);
        attacked += 1;
      }
    }
    expect(attacked).toBeGreaterThan(30);
  });

  it('answers a 900 KB list in an input object (90,000 enum values) quickly', async () => {
    const started = Date.now();
    const reply = await gql(target.api, 'mutation ($s: SessionSettings) { createSession(quizId: "c0000000000000000000000001", settings: $s) { hostToken } }', {
      s: { questionTypes: Array(90_000).fill('WHO_SAID') },
    });
    expect(reply.code).toBe('NOT_FOUND');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('survives JSON nested 200,000 deep in variables (refused or ignored, never a crash)', async () => {
    const nestedList = '['.repeat(200_000) + ']'.repeat(200_000);
    const nestedObject = '{"a":'.repeat(150_000) + '1' + '}'.repeat(150_000);
    const bodies = [
      `{"query":"mutation ($s: SessionSettings) { createSession(quizId: \\"c0000000000000000000000001\\", settings: $s) { hostToken } }","variables":{"s":{"questionTypes":${nestedList}}}}`,
      `{"query":"{ __typename }","variables":{"s":${nestedList}}}`,
      `{"query":"{ __typename }","variables":${nestedObject}}`,
    ];
    for (const body of bodies) {
      const reply = await sendRaw(target.api, { body, headers: { 'content-type': 'application/json' } });
      expect([200, 400]).toContain(reply.status);
      expectNoLeak(reply);
    }
    await expectServerUp(target.api);
  });

  it('does not let __proto__ in a body or in variables pollute the server', async () => {
    const body = '{"query":"query ($c: String!) { session(code: $c) { id } }","__proto__":{"polluted":"yes"},"variables":{"c":"ACDEFG","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}';
    const reply = await sendRaw(target.api, { body, headers: { 'content-type': 'application/json' } });
    expect(reply.code).toBe('NOT_FOUND');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('malformed bodies', () => {
  const JSON_ERRORS: [string, string | Buffer][] = [
    ['truncated JSON', '{"query": "{ __typename }"'],
    ['trailing garbage', '{"query": "{ __typename }"} x'],
    ['single quotes', "{'query': '{ __typename }'}"],
    ['a bare string', '"{ __typename }"'],
    ['a number', '42'],
    ['null', 'null'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d])],
    ['a lone surrogate escape in a key', '{"\\ud800query": 1'],
    ['an unterminated string of 500 KB', `{"query": "${'x'.repeat(500_000)}`],
  ];

  it.each(JSON_ERRORS)('refuses %s with 400 BAD_REQUEST, naming no internals', async (_name, body) => {
    const reply = await sendRaw(target.api, { body, headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(reply.code).toBe('BAD_REQUEST');
    expect(reply.errors[0]!.message).toMatch(/^Request body is not valid JSON: /);
    expect(reply.text.length).toBeLessThan(1_000);
    expectNoLeak(reply);
  });

  const REQUEST_ERRORS: [string, string, RegExp][] = [
    ['an empty body', '', /^POST body missing, invalid Content-Type, or JSON object has no keys\.$/],
    ['an empty object', '{}', /^POST body missing/],
    ['no query', '{"variables": {}}', /non-empty `query`/],
    ['a query that is not a string', '{"query": 123}', /^GraphQL queries must be strings\.$/],
    ['variables that are a string', '{"query": "{ __typename }", "variables": "{}"}', /^`variables` in a POST body should be provided as an object/],
    ['variables that are a list', '{"query": "{ __typename }", "variables": [1, 2]}', /^`variables` in a POST body must be an object/],
    ['extensions that are a number', '{"query": "{ __typename }", "extensions": 5}', /^`extensions` in a POST body must be an object/],
    ['an operation name that is an object', '{"query": "{ __typename }", "operationName": {}}', /^`operationName` in a POST body must be a string/],
  ];

  it.each(REQUEST_ERRORS)('refuses %s with 400 BAD_REQUEST', async (_name, body, message) => {
    const reply = await sendRaw(target.api, { body, headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(reply.code).toBe('BAD_REQUEST');
    expect(reply.errors[0]!.message).toMatch(message);
    expectNoLeak(reply);
  });

  it('refuses a document that does not parse with GRAPHQL_PARSE_FAILED', async () => {
    for (const query of ['{', 'mutation { startGame(quizId: "x", nickname: ', '{ __typename } }', '"\u0000"', 'query { a(b: """unterminated']) {
      const reply = await gql(target.api, query);
      expect(reply.status).toBe(400);
      expect(reply.code).toBe('GRAPHQL_PARSE_FAILED');
      expectNoLeak(reply);
    }
  });

  it('refuses other methods with 405', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const reply = await sendRaw(target.api, { method, body: startGameBody(), headers: { 'content-type': 'application/json' } });
      expect(reply.status, method).toBe(405);
    }
  });
});

describe('cross-site request forgery', () => {
  const games = () => target.db.prisma.game.count();

  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain with parameters that mention JSON', 'text/plain; charset=utf-8; application/json'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['multipart/form-data', 'multipart/form-data; boundary=----x'],
  ])('refuses a %s POST without a preflight header: 400, Apollo’s CSRF message, nothing runs', async (_name, contentType) => {
    const count = await games();
    const body = contentType.startsWith('multipart')
      ? `------x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${startGameBody('Csrf')}\r\n------x--\r\n`
      : contentType.startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams({ query: START_GAME, variables: JSON.stringify({ q: target.db.storyQuizId, n: 'Csrf' }) }).toString()
        : startGameBody('Csrf');
    const reply = await sendRaw(target.api, { body, headers: { 'content-type': contentType } });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ errors: [{ message: CSRF_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
    expect(await games()).toBe(count);
  });

  it('refuses a real multipart form (as a browser form would send) the same way', async () => {
    const count = await games();
    const form = new FormData();
    form.set('operations', startGameBody('Csrf'));
    form.set('map', '{}');
    const reply = await sendRaw(target.api, { body: form });
    expect(reply.status).toBe(400);
    expect(reply.errors[0]!.message).toBe(CSRF_MESSAGE);
    expect(await games()).toBe(count);
  });

  it('refuses a POST with no content type, and a GET, without a preflight header', async () => {
    const noType = await sendRaw(target.api, { body: Buffer.from(startGameBody('Csrf')) });
    expect(noType.status).toBe(400);
    expect(noType.errors[0]!.message).toBe(CSRF_MESSAGE);
    const get = await sendRaw(target.api, { method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}` });
    expect(get.status).toBe(400);
    expect(get.errors[0]!.message).toBe(CSRF_MESSAGE);
  });

  it('never runs a text/plain body even with a preflight header (only JSON bodies are read)', async () => {
    const count = await games();
    const reply = await sendRaw(target.api, { body: startGameBody('Csrf'), headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' } });
    expect(reply.status).toBe(400);
    expect(reply.errors[0]!.message).toBe('POST body missing, invalid Content-Type, or JSON object has no keys.');
    expect(await games()).toBe(count);
  });

  it('runs the same mutation as JSON (so the refusals above are the content type’s doing)', async () => {
    // The one request here that changes data: everything before it changed nothing; the end of the file checks what follows it.
    await expectNoDataChange(target.db, before);
    const count = await games();
    const reply = await sendRaw(target.api, { body: startGameBody('Legit'), headers: { 'content-type': 'application/json' } });
    expect(reply.errors).toEqual([]);
    expect(await games()).toBe(count + 1);
    before = await fingerprint(target.db);
  });
});

describe('transport: afterwards', () => {
  it('nothing changed (but the one JSON game above), and the server is up', async () => {
    await expectNoDataChange(target.db, before);
    await expectServerUp(target.api);
  });
});
