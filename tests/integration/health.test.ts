// The load balancer's health check, /api/health on the real HTTP server:
// 200 on a migrated database; 503 naming the migrations that are missing or
// not finished; 503 "unavailable" when the database is gone or does not
// answer in time; never a connection string.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readMigrations } from '../../lib/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../lib/paths.ts';
import { createPrismaClient } from '../../lib/db/prisma.ts';
import { HEALTH_TIMEOUT_MS } from '../../server/health.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

let db: TestDatabase;
let api: GraphQLTestServer;
const closers: (() => Promise<unknown>)[] = [];

const migrations = readMigrations(MIGRATIONS_DIR).map((migration) => migration.name);

async function health(server: GraphQLTestServer, method = 'GET') {
  const response = await fetch(new URL('/api/health', server.url), { method });
  const text = await response.text();
  return { status: response.status, cacheControl: response.headers.get('cache-control'), text, json: text ? JSON.parse(text) : undefined };
}

/** Runs SQL in the test database as the superuser, beside the server's own connections. */
async function sql(query: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(query, values);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startGraphQLServer(db);
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => {});
  await api?.close();
  await db?.drop();
});

describe('GET /api/health', () => {
  it('is 200 on a migrated database, never cached; HEAD gives the same status without a body', async () => {
    const ok = await health(api);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ status: 'ok', database: 'ok', migrations: 'ok' });
    expect(ok.cacheControl).toBe('no-store');
    const head = await health(api, 'HEAD');
    expect(head).toMatchObject({ status: 200, text: '', cacheControl: 'no-store' });
    expect((await health(api, 'POST')).status).toBe(405);
  });

  it('is 503 naming the migrations not recorded, or recorded as failed or rolled back', async () => {
    expect(migrations.length).toBeGreaterThan(2);
    const [first, second] = migrations as [string, string];
    const last = migrations[migrations.length - 1]!;
    await sql('DELETE FROM "_prisma_migrations" WHERE migration_name = $1', [last]);
    const missing = await health(api);
    expect(missing.status).toBe(503);
    expect(missing.json).toEqual({ status: 'unavailable', database: 'ok', migrations: 'pending', pending: [last] });
    expect(missing.cacheControl).toBe('no-store');

    // A failed run (not finished) and a rolled-back one do not count as applied either.
    await sql('UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1', [first]);
    await sql('UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1', [second]);
    expect((await health(api)).json).toMatchObject({ migrations: 'pending', pending: [first, second, last] });

    // Without any migration history, every migration is pending.
    await sql('DROP TABLE "_prisma_migrations"');
    expect((await health(api)).json).toMatchObject({ status: 'unavailable', database: 'ok', migrations: 'pending', pending: migrations });
  });

  it('is 503 "unavailable" when the database is gone, without saying where it was', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE "${db.name}" WITH (FORCE)`);
    await admin.end();
    const gone = await health(api);
    expect(gone.status).toBe(503);
    expect(gone.json).toEqual({ status: 'unavailable', database: 'unavailable', migrations: 'unknown' });
    expect(gone.text).not.toContain(db.name);
    expect(gone.text).not.toContain(new URL(db.url).port);
  });

  it('is 503 within its time limit when the database does not answer, and at once when nothing listens', async () => {
    // A "database" that accepts connections and never answers, and a port nothing listens on.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => silent.close(resolve)));
    closers.push(async () => sockets.forEach((socket) => socket.destroy()));
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    // The app's pool points there; its LISTEN connection needs a real database, so it keeps the test one.
    const live = await createTestDatabase();
    closers.push(() => live.drop());
    for (const port of [(silent.address() as net.AddressInfo).port, closedPort]) {
      const prisma = createPrismaClient(`postgresql://quiz:secret@127.0.0.1:${port}/quiz`);
      const server = await startGraphQLServer({ prisma, url: live.url });
      closers.push(() => prisma.$disconnect());
      closers.push(() => server.close());
      const started = Date.now();
      const result = await health(server);
      const elapsed = Date.now() - started;
      expect(result.status).toBe(503);
      expect(result.json).toEqual({ status: 'unavailable', database: 'unavailable', migrations: 'unknown' });
      expect(result.text).not.toMatch(/secret|quiz@|127\.0\.0\.1/);
      if (port === closedPort) expect(elapsed).toBeLessThan(1_000);
      else expect(elapsed).toBeGreaterThanOrEqual(HEALTH_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(HEALTH_TIMEOUT_MS + 1_500);
    }
  });
});
