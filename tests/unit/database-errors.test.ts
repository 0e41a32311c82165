// Which errors mean "the database is unavailable". The errors are the real
// ones: node-postgres, its pool, Prisma's driver adapter and Prisma's client
// talking to tiny local TCP servers that behave like a PostgreSQL that is
// gone (nothing listening), hung (accepts, never answers), crashed (closes
// the connection) or refusing with an SQLSTATE, as PostgreSQL does when it is
// starting up or shutting down. No database is needed.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { pino } from 'pino';
import { GraphQLError } from 'graphql';
import { PrismaPg } from '@prisma/adapter-pg';
import { createPrismaClient } from '../../lib/db/prisma.ts';
import { PrismaClient } from '../../lib/db/generated/client.ts';
import { databaseUnavailableReason, isDatabaseUnavailable } from '../../lib/db/database-errors.ts';
import { DomainError } from '../../lib/domain-error.ts';
import { maskError } from '../../graphql/server.ts';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

/** Drops every connection the fake servers hold. */
function hangUpAll(): void {
  for (const socket of sockets) socket.destroy();
}

afterAll(async () => {
  hangUpAll();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A local server that does `behave` with each connection; returns its port. */
async function fakeServer(behave: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    behave(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** PostgreSQL's ErrorResponse message, as the server sends it instead of accepting a connection. */
function errorResponse(sqlState: string, message: string): Buffer {
  const field = (type: string, value: string) => Buffer.concat([Buffer.from(type), Buffer.from(value), Buffer.from([0])]);
  const body = Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', sqlState), field('M', message), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** Answers the startup message with an error, as a PostgreSQL starting up, stopping or full does. */
const refusingWith = (sqlState: string, message: string) => fakeServer((socket) => socket.once('data', () => socket.end(errorResponse(sqlState, message))));

const urlFor = (port: number) => `postgresql://quiz:secret@127.0.0.1:${port}/quiz`;

/** The error a promise rejects with (the test fails if it resolves). */
async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail');
}

/** The same failure seen through each layer: pg.Client, pg.Pool, the Prisma client (a model query, a raw query, a transaction). */
async function throughEveryLayer(port: number, options: { connectionTimeoutMillis?: number } = {}): Promise<Record<string, unknown>> {
  const url = urlFor(port);
  const client = new pg.Client({ connectionString: url, ...options });
  client.on('error', () => {});
  const pool = new pg.Pool({ connectionString: url, ...options });
  pool.on('error', () => {});
  const prisma = options.connectionTimeoutMillis
    ? new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: options.connectionTimeoutMillis }) })
    : createPrismaClient(url);
  try {
    return {
      'pg.Client': await errorOf(() => client.connect()),
      'pg.Pool': await errorOf(() => pool.query('SELECT 1')),
      'prisma model query': await errorOf(() => prisma.article.count()),
      'prisma raw query': await errorOf(() => prisma.$queryRaw`SELECT 1`),
      'prisma transaction': await errorOf(() => prisma.$transaction(async (tx) => tx.article.count())),
    };
  } finally {
    await pool.end().catch(() => {});
    await prisma.$disconnect().catch(() => {});
  }
}

describe('errors of a database that is not there', () => {
  it('nothing listening (ECONNREFUSED; Prisma P1001 DatabaseNotReachable) at every layer', async () => {
    const errors = await throughEveryLayer(await closedPort());
    expect((errors['pg.Client'] as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect((errors['prisma model query'] as { code?: string }).code).toBe('P1001');
    for (const [layer, error] of Object.entries(errors)) expect({ layer, unavailable: isDatabaseUnavailable(error) }).toEqual({ layer, unavailable: true });
  });

  it('a crashed server that drops the connection ("Connection terminated unexpectedly") at every layer', async () => {
    const errors = await throughEveryLayer(await fakeServer((socket) => socket.once('data', () => socket.destroy())));
    expect((errors['prisma model query'] as Error).message).toBe('Connection terminated unexpectedly');
    for (const [layer, error] of Object.entries(errors)) expect({ layer, unavailable: isDatabaseUnavailable(error) }).toEqual({ layer, unavailable: true });
  });

  it('a server that never answers fails after the connection timeout, at every layer', async () => {
    const started = Date.now();
    const errors = await throughEveryLayer(await fakeServer(() => {}), { connectionTimeoutMillis: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((errors['pg.Pool'] as Error).message).toBe('Connection terminated due to connection timeout');
    for (const [layer, error] of Object.entries(errors)) expect({ layer, unavailable: isDatabaseUnavailable(error) }).toEqual({ layer, unavailable: true });
  });

  it("Prisma's transaction that cannot get a connection within maxWait (P2028)", async () => {
    const prisma = createPrismaClient(urlFor(await fakeServer(() => {})));
    const error = await errorOf(() => prisma.$transaction(async (tx) => tx.article.count(), { maxWait: 100 }));
    hangUpAll(); // the pool's connection attempt is still waiting; end it so disconnecting does not wait for its timeout
    await prisma.$disconnect().catch(() => {});
    expect((error as { code?: string }).code).toBe('P2028');
    expect(databaseUnavailableReason(error)).toMatch(/^P2028/);
  });

  it('a pool whose connections are all busy gives up after the connection timeout', async () => {
    const pool = new pg.Pool({ connectionString: urlFor(await fakeServer(() => {})), max: 1, connectionTimeoutMillis: 300 });
    pool.on('error', () => {});
    const first = errorOf(() => pool.query('SELECT 1'));
    const second = await errorOf(() => pool.query('SELECT 1'));
    await first;
    await pool.end();
    expect((second as Error).message).toBe('timeout exceeded when trying to connect');
    expect(isDatabaseUnavailable(second)).toBe(true);
  });

  for (const [sqlState, message] of [
    ['57P03', 'the database system is starting up'],
    ['57P03', 'the database system is shutting down'],
    ['57P01', 'terminating connection due to administrator command'],
    ['53300', 'sorry, too many clients already'],
  ] as const) {
    it(`a server refusing with ${sqlState} (${message}) at every layer`, async () => {
      const errors = await throughEveryLayer(await refusingWith(sqlState, message));
      expect((errors['pg.Client'] as pg.DatabaseError).code).toBe(sqlState);
      for (const [layer, error] of Object.entries(errors)) expect({ layer, unavailable: isDatabaseUnavailable(error) }).toEqual({ layer, unavailable: true });
    });
  }
});

describe('errors that are not about availability', () => {
  for (const [sqlState, message] of [
    ['28P01', 'password authentication failed for user "quiz"'],
    ['3D000', 'database "quiz" does not exist'],
    ['42P01', 'relation "articles" does not exist'],
  ] as const) {
    it(`a server refusing with ${sqlState} (${message}) is a real error at every layer`, async () => {
      const errors = await throughEveryLayer(await refusingWith(sqlState, message));
      for (const [layer, error] of Object.entries(errors)) expect({ layer, unavailable: isDatabaseUnavailable(error) }).toEqual({ layer, unavailable: false });
    });
  }

  it('errors of the rules, GraphQL errors, plain errors and non-errors', () => {
    expect(isDatabaseUnavailable(new DomainError('NOT_FOUND', 'No such game'))).toBe(false);
    expect(isDatabaseUnavailable(new GraphQLError('bad input', { extensions: { code: 'BAD_USER_INPUT' } }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    // A message like pg's is not enough when the error has a code of its own.
    expect(isDatabaseUnavailable(Object.assign(new Error('Connection terminated'), { code: 'ERR_SOMETHING_ELSE' }))).toBe(false);
    // A socket code without a syscall is not a socket error.
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(false);
    for (const value of [null, undefined, 'ECONNREFUSED', 42, {}]) expect(isDatabaseUnavailable(value)).toBe(false);
  });

  it('follows causes, and stops on a cycle', () => {
    const cyclic: Error & { cause?: unknown } = new Error('outer');
    cyclic.cause = new Error('middle', { cause: cyclic });
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
  });
});

describe('causes and wrappers', () => {
  it('finds the database error under a GraphQL error and an error cause', async () => {
    const refused = await errorOf(async () => new pg.Client({ connectionString: urlFor(await closedPort()) }).connect());
    const wrapped = new GraphQLError('resolver failed', { originalError: new Error('could not answer', { cause: refused }) });
    expect(databaseUnavailableReason(wrapped)).toBeNull(); // GraphQLError.originalError is unwrapped by the caller (Apollo's unwrapResolverError)
    expect(databaseUnavailableReason(wrapped.originalError)).toBe('ECONNREFUSED');
  });
});

describe('the GraphQL error for it', () => {
  it('is SERVICE_UNAVAILABLE with a fixed message, the path kept, logged at warn without SQL, stack or host', async () => {
    const port = await closedPort();
    const prisma = createPrismaClient(urlFor(port));
    const original = await errorOf(() => prisma.$queryRaw`SELECT secret_column FROM articles`);
    await prisma.$disconnect();
    // The raw error says where the database is; none of it may reach the client or the log.
    expect(String((original as Error).message)).toContain(String(port));
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const error = new GraphQLError((original as Error).message, { path: ['article'], originalError: original as Error });
    const formatted = maskError(log)({ ...error.toJSON(), locations: [{ line: 1, column: 3 }] }, error);
    expect(formatted).toEqual({
      message: 'The database is unavailable; try again in a moment',
      locations: [{ line: 1, column: 3 }],
      path: ['article'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry.level).toBe(40);
    expect(entry.reason).toBe('DatabaseNotReachable');
    expect(lines[0]).not.toMatch(/secret_column|SELECT|127\.0\.0\.1|\bat \/|\.ts:\d+|stack/);
  });
});
