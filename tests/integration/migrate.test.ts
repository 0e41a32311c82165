// db:migrate applies the SQL migrations once each and records them exactly as
// `prisma migrate deploy` does, so Prisma's CLI would accept them as applied.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { markRolledBack, migrate, readMigrations } from '../../lib/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../lib/paths.ts';
import { createEmptyDatabase } from '../helpers/database.ts';

const dropAfter: { drop(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(dropAfter.map((db) => db.drop()));
});

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function scratchMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrate', () => {
  it('records each migration like prisma migrate deploy: sha256 of migration.sql, finished, one step', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    const result = await migrate(db.url, MIGRATIONS_DIR);
    const onDisk = fs.readdirSync(MIGRATIONS_DIR).filter((n) => fs.existsSync(path.join(MIGRATIONS_DIR, n, 'migration.sql'))).sort();
    expect(result.applied).toEqual(onDisk);

    const recorded = await rows(
      db.url,
      'SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(onDisk);
    for (const row of recorded) {
      const bytes = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // Prisma's table shape, column for column.
    const columns = await rows(
      db.url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type} ${c.is_nullable}`)).toEqual([
      'id character varying NO',
      'checksum character varying NO',
      'finished_at timestamp with time zone YES',
      'migration_name character varying NO',
      'logs text YES',
      'rolled_back_at timestamp with time zone YES',
      'started_at timestamp with time zone NO',
      'applied_steps_count integer NO',
    ]);
  });

  it('is idempotent: a second run applies nothing and records nothing', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    await migrate(db.url, MIGRATIONS_DIR);
    const again = await migrate(db.url, MIGRATIONS_DIR);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    const [{ count }] = await rows(db.url, 'SELECT count(*)::int AS count FROM _prisma_migrations');
    expect(count).toBe(readMigrations(MIGRATIONS_DIR).length);
  });

  it('applies only the new migration when one is added', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    const dir = scratchMigrations({ '20260101000000_a': 'CREATE TABLE a (id int);' });
    await migrate(db.url, dir);
    fs.mkdirSync(path.join(dir, '20260102000000_b'));
    fs.writeFileSync(path.join(dir, '20260102000000_b', 'migration.sql'), 'CREATE TABLE b (id int);');
    const result = await migrate(db.url, dir);
    expect(result).toEqual({ applied: ['20260102000000_b'], alreadyApplied: ['20260101000000_a'] });
  });

  it('rolls back a failing migration, records the failure as Prisma does, and applies it once fixed and resolved', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    const dir = scratchMigrations({
      '20260101000000_ok': 'CREATE TABLE ok (id int);',
      '20260102000000_bad': 'CREATE TABLE half (id int);\nSELECT * FROM no_such_table;',
    });
    await expect(migrate(db.url, dir)).rejects.toThrow(/20260102000000_bad failed: .*no_such_table/);
    const tables = await rows(db.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables.map((t) => t.tablename)).toEqual(['_prisma_migrations', 'ok']);

    // Prisma's record of a failed step: error in logs, neither finished nor rolled back.
    const [failed] = await rows(db.url, `SELECT logs, finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = '20260102000000_bad'`);
    expect(failed.logs).toMatch(/no_such_table/);
    expect(failed.finished_at).toBeNull();
    expect(failed.rolled_back_at).toBeNull();

    // Like prisma migrate deploy (P3009): no further runs until the failure is resolved.
    fs.writeFileSync(path.join(dir, '20260102000000_bad', 'migration.sql'), 'CREATE TABLE half (id int);');
    await expect(migrate(db.url, dir)).rejects.toThrow(/--rolled-back 20260102000000_bad/);
    await markRolledBack(db.url, '20260102000000_bad');
    await expect(markRolledBack(db.url, '20260102000000_bad')).rejects.toThrow(/no failed migration/);
    const result = await migrate(db.url, dir);
    expect(result.applied).toEqual(['20260102000000_bad']);
  });

  it('refuses a database that has a migration this checkout does not know', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    await migrate(db.url, scratchMigrations({ '20260101000000_a': 'SELECT 1;', '20260105000000_newer': 'SELECT 1;' }));
    await expect(migrate(db.url, scratchMigrations({ '20260101000000_a': 'SELECT 1;' }))).rejects.toThrow(
      /20260105000000_newer, which is not in/,
    );
  });

  it('refuses a database that has tables but no migration history', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    await rows(db.url, 'CREATE TABLE legacy (id int)');
    await expect(migrate(db.url, MIGRATIONS_DIR)).rejects.toThrow(/already has tables \(such as legacy\) but no migration history/);
    const tables = await rows(db.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.tablename)).toEqual(['legacy']);
  });

  it('refuses migrations written for another database', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    const dir = scratchMigrations({ '20260101000000_a': 'SELECT 1;' });
    fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "mysql"\n');
    await expect(migrate(db.url, dir)).rejects.toThrow(/is for mysql/);
  });

  it('serialises concurrent runs: two processes starting at once apply each migration once', async () => {
    const db = await createEmptyDatabase();
    dropAfter.push(db);
    const [a, b] = await Promise.all([migrate(db.url, MIGRATIONS_DIR), migrate(db.url, MIGRATIONS_DIR)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
  });
});
