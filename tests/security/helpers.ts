// Shared tools of the security tests: a real server over a seeded database,
// raw HTTP and WebSocket clients that can pose as any client address, a
// fingerprint of every table (to prove an attack changed nothing), a check
// that the server is still up, a check that an answer leaks nothing about the
// server's insides, and the schema's root fields read by introspection (so a
// field added later is attacked too, or fails the suite until it is).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../lib/paths.ts';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

export type SeededDatabase = TestDatabase & { storyQuizId: string };

export interface Target {
  db: SeededDatabase;
  api: GraphQLTestServer;
  close(): Promise<void>;
}

/** A seeded database and the real server over it, taking the client address from X-Forwarded-For (one trusted proxy). */
export async function startTarget(options: { adminToken?: string; db?: SeededDatabase } = {}): Promise<Target> {
  const db = options.db ?? (await createQuizDatabase());
  const api = await startGraphQLServer(db, { trustProxyHops: 1, adminToken: options.adminToken });
  return {
    db,
    api,
    close: async () => {
      await api.close();
      if (!options.db) await db.drop();
    },
  };
}

// ---------------------------------------------------------------- addresses

let addressCount = 0;

/**
 * A client address no other test of this file has used. Rate limits are kept
 * per address (and per test database, which is per file), so each attack
 * gets its own and cannot be refused because of another.
 */
export function freshAddress(): string {
  addressCount += 1;
  return `198.51.${Math.floor(addressCount / 250)}.${(addressCount % 250) + 1}`;
}

// ---------------------------------------------------------------- HTTP

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; argumentName?: string; retryAfterSeconds?: number; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
  data: any;
  errors: GraphQLErrorShape[];
  /** `errors[0].extensions.code`, when there is an error. */
  code: string | undefined;
}

function toReply(status: number, headers: Headers, text: string): Reply {
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const errors: GraphQLErrorShape[] = Array.isArray(json?.errors) ? json.errors : [];
  return { status, headers, text, json, data: json?.data, errors, code: errors[0]?.extensions?.code };
}

/** Sends any body with any headers (content type included) to the GraphQL endpoint. */
export async function sendRaw(
  api: GraphQLTestServer,
  options: { body?: string | Buffer | FormData; headers?: Record<string, string>; method?: string; search?: string; address?: string },
): Promise<Reply> {
  const url = new URL(api.url);
  if (options.search) url.search = options.search;
  const response = await fetch(url, {
    method: options.method ?? 'POST',
    headers: { 'x-forwarded-for': options.address ?? freshAddress(), ...options.headers },
    body: options.body as BodyInit | undefined,
  });
  return toReply(response.status, response.headers, await response.text());
}

/** Posts one GraphQL operation as JSON from a client address (a fresh one unless given). */
export function gql(api: GraphQLTestServer, query: string, variables: Record<string, unknown> = {}, address?: string): Promise<Reply> {
  return sendRaw(api, { body: JSON.stringify({ query, variables }), headers: { 'content-type': 'application/json' }, address });
}

/** Runs `tasks` with at most `concurrency` of them in flight; results in input order. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

// ---------------------------------------------------------------- WebSocket

/** A graphql-ws client whose upgrade request carries X-Forwarded-For: `address`. */
export function wsClient(api: GraphQLTestServer, address: string = freshAddress()): Client {
  class AddressedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  }
  return createClient({ url: api.wsUrl, webSocketImpl: AddressedWebSocket, lazy: true, retryAttempts: 0 });
}

export interface WsOutcome {
  /** Results the server sent (`next` messages). */
  results: { data?: any; errors?: GraphQLErrorShape[] }[];
  /** Errors of the operation (an `error` message), or of the connection. */
  errors: GraphQLErrorShape[];
  /** The first error code, from either. */
  code: string | undefined;
}

/**
 * Runs one operation over WebSocket and waits until it completes, fails, or
 * (for a subscription that is running) its first result arrives.
 */
export function wsRun(client: Client, query: string, variables: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    const outcome: WsOutcome = { results: [], errors: [], code: undefined };
    let unsubscribe = () => {};
    const finish = () => {
      clearTimeout(timer);
      outcome.code = outcome.errors[0]?.extensions?.code ?? outcome.results.find((r) => r.errors)?.errors?.[0]?.extensions?.code;
      unsubscribe();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no answer over WebSocket within ${timeoutMs} ms to ${query.slice(0, 200)}`));
    }, timeoutMs);
    unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          outcome.results.push(result as WsOutcome['results'][number]);
          finish();
        },
        error: (error) => {
          if (Array.isArray(error)) outcome.errors.push(...(error as GraphQLErrorShape[]));
          else outcome.errors.push({ message: String((error as { reason?: string; message?: string })?.reason ?? (error as Error)?.message ?? error), extensions: { code: `CLOSED_${(error as { code?: number })?.code ?? ''}` } });
          finish();
        },
        complete: finish,
      },
    );
  });
}

// ---------------------------------------------------------------- database

/** Tables that change by design whatever a request does: counters of the rate limits, and the migrations' record. */
export const UNFINGERPRINTED_TABLES = ['rate_limits', '_prisma_migrations'];

export type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Every table of the database (but the rate-limit counters): its row count and a hash of all its rows. */
export async function fingerprint(db: { url: string }): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    const result: Fingerprint = {};
    for (const { tablename } of tables.rows) {
      if (UNFINGERPRINTED_TABLES.includes(tablename)) continue;
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM "${tablename}" t`,
      );
      result[tablename] = rows[0]!;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}

/** Asserts that no table changed since `before` (rate-limit counters aside). */
export async function expectNoDataChange(db: { url: string }, before: Fingerprint): Promise<void> {
  const after = await fingerprint(db);
  expect(changedTables(before, after), 'tables changed by refused requests').toEqual([]);
  expect(Object.keys(after).length).toBeGreaterThan(10);
}

// ---------------------------------------------------------------- server health

/** `{ __typename }` answers 200 (from a fresh address), and /api/health reports healthy. */
export async function expectServerUp(api: GraphQLTestServer): Promise<void> {
  const reply = await gql(api, '{ __typename }');
  expect(reply.status).toBe(200);
  expect(reply.json).toEqual({ data: { __typename: 'Query' } });
  const health = await fetch(new URL('/api/health', api.url));
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
}

// ---------------------------------------------------------------- leaks

/** What must never reach a client: server paths, stack frames, SQL and database driver messages. */
const LEAK_PATTERNS: [string, RegExp][] = [
  ['a server path', new RegExp(`${PROJECT_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|/work/|/home/|/usr/|/tmp/`)],
  ['node_modules', /node_modules/],
  ['a source file position', /\.(?:ts|js|mjs|cjs):\d+/],
  ['a stack frame', /\n\s+at |\bat [\w.<>]+ \(/],
  ['an SQL statement', /\b(?:SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b[^"]*\b(?:FROM|VALUES|WHERE)\b/i],
  ['a PostgreSQL message', /syntax error at or near|invalid byte sequence|violates (?:unique|foreign key|not-null|check) constraint|relation "|column "|out of range for type|invalid input syntax for type|value too long for type/i],
  ['a Prisma message', /prisma|PrismaClient|Invalid `.*` invocation|\bP[12]\d{3}\b/i],
  ['a driver error', /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|\bpg\b.*error/i],
];

/** The leaks found in a response text, by name. */
export function leaksIn(text: string): string[] {
  return LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** No error in this reply carries a stack trace or anything of the server's insides; none is an internal error. */
export function expectNoLeak(reply: { text?: string; errors: GraphQLErrorShape[] }, what = 'reply'): void {
  const text = reply.text ?? JSON.stringify(reply.errors);
  expect(leaksIn(text), `${what} leaks: ${text.slice(0, 500)}`).toEqual([]);
  for (const error of reply.errors) {
    expect(error.extensions?.code, `${what}: ${error.message}`).not.toBe('INTERNAL_SERVER_ERROR');
    expect(Object.keys(error.extensions ?? {}), `${what} extensions`).not.toEqual(expect.arrayContaining(['stacktrace']));
    expect(Object.keys(error.extensions ?? {}), `${what} extensions`).not.toEqual(expect.arrayContaining(['exception']));
  }
}

// ---------------------------------------------------------------- error codes

/** The codes of lib/domain-error.ts, read from its source so a new one is known here at once. */
export const DOMAIN_CODES: string[] = (() => {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, 'lib', 'domain-error.ts'), 'utf8');
  const union = /export type DomainErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]!);
})();

/** The codes a request refused for what it asked (not for a fault of the server) may carry. */
export const REFUSAL_CODES = [...DOMAIN_CODES, 'BAD_USER_INPUT', 'RATE_LIMITED'];

// ---------------------------------------------------------------- schema

export type RootType = 'Query' | 'Mutation' | 'Subscription';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

export interface RootArgument {
  name: string;
  /** As written in SDL, e.g. `ID!`, `[QuestionType!]`. */
  type: string;
  /** The named type under lists and non-nulls, e.g. `ID`. */
  named: string;
  required: boolean;
  hasDefault: boolean;
}

export interface RootField {
  root: RootType;
  name: string;
  /** `Mutation.startGame`. */
  key: string;
  args: RootArgument[];
  /** Whether the field's type is an object (and so needs a selection). */
  returnsObject: boolean;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECT_ROOTS = `{ __schema {
  queryType { ...Root } mutationType { ...Root } subscriptionType { ...Root } } }
fragment Root on __Type { name fields { name type { ${TYPE_REF} } args { name defaultValue type { ${TYPE_REF} } } } }`;

function printType(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${printType(ref.ofType!)}!`;
  if (ref.kind === 'LIST') return `[${printType(ref.ofType!)}]`;
  return ref.name!;
}

function namedOf(ref: TypeRef): TypeRef {
  return ref.ofType ? namedOf(ref.ofType) : ref;
}

/** Every root field with its arguments, read from the running server by introspection. */
export async function rootFields(api: GraphQLTestServer): Promise<RootField[]> {
  const reply = await gql(api, INTROSPECT_ROOTS);
  expect(reply.errors).toEqual([]);
  const schema = reply.data.__schema;
  const roots: [RootType, any][] = [
    ['Query', schema.queryType],
    ['Mutation', schema.mutationType],
    ['Subscription', schema.subscriptionType],
  ];
  return roots.flatMap(([root, type]) =>
    (type?.fields ?? []).map((field: { name: string; type: TypeRef; args: { name: string; defaultValue: string | null; type: TypeRef }[] }) => ({
      root,
      name: field.name,
      key: `${root}.${field.name}`,
      returnsObject: ['OBJECT', 'INTERFACE', 'UNION'].includes(namedOf(field.type).kind),
      args: field.args.map((arg) => ({
        name: arg.name,
        type: printType(arg.type),
        named: namedOf(arg.type).name!,
        required: arg.type.kind === 'NON_NULL',
        hasDefault: arg.defaultValue !== null,
      })),
    })),
  );
}

/**
 * One operation calling `field` with `values` as variables (arguments whose
 * value is undefined are left out of the document), selecting `__typename`
 * or `selection`.
 */
export function operationFor(field: RootField, values: Record<string, unknown>, selection = '__typename'): { query: string; variables: Record<string, unknown> } {
  const given = field.args.filter((arg) => values[arg.name] !== undefined);
  const declarations = given.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const call = given.length ? `(${given.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const keyword = field.root.toLowerCase();
  const query = `${keyword} ${field.name}Attack${declarations ? `(${declarations})` : ''} { ${field.name}${call}${field.returnsObject ? ` { ${selection} }` : ''} }`;
  return { query, variables: Object.fromEntries(given.map((arg) => [arg.name, values[arg.name]])) };
}

/** Calls a root field: queries and mutations over HTTP, subscriptions over WebSocket. Gives the first error code and the raw errors. */
export async function callField(
  api: GraphQLTestServer,
  field: RootField,
  values: Record<string, unknown>,
  address: string = freshAddress(),
  selection?: string,
): Promise<{ status: number | undefined; code: string | undefined; errors: GraphQLErrorShape[]; data: any; text: string }> {
  const { query, variables } = operationFor(field, values, selection);
  if (field.root !== 'Subscription') {
    const reply = await gql(api, query, variables, address);
    return { status: reply.status, code: reply.code, errors: reply.errors, data: reply.data, text: reply.text };
  }
  const client = wsClient(api, address);
  try {
    const outcome = await wsRun(client, query, variables);
    const errors = [...outcome.errors, ...outcome.results.flatMap((r) => r.errors ?? [])];
    return { status: undefined, code: outcome.code, errors, data: outcome.results[0]?.data, text: JSON.stringify(outcome) };
  } finally {
    await client.dispose();
  }
}
