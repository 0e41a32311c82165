// The migration files themselves: Prisma's layout, applied in name order,
// checksummed over the exact bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf, readMigrations } from '../../lib/db/migrate.ts';
import { MIGRATIONS_DIR } from '../../lib/paths.ts';

describe('migration files', () => {
  it('follow Prisma’s layout: <timestamp>_<name>/migration.sql and a lock file for postgresql', () => {
    const entries = fs.readdirSync(MIGRATIONS_DIR);
    expect(fs.readFileSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
    const folders = entries.filter((e) => fs.statSync(path.join(MIGRATIONS_DIR, e)).isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect(folder).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(fs.existsSync(path.join(MIGRATIONS_DIR, folder, 'migration.sql'))).toBe(true);
    }
  });

  it('are read in name order with the sha256 of their exact bytes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    for (const [name, sql] of [['20260102000000_second', 'B;\r\n'], ['20260101000000_first', 'A;\n']]) {
      fs.mkdirSync(path.join(dir, name!));
      fs.writeFileSync(path.join(dir, name!, 'migration.sql'), sql!);
    }
    fs.mkdirSync(path.join(dir, 'not_a_migration'));
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(['20260101000000_first', '20260102000000_second']);
    expect(migrations[1]!.checksum).toBe(crypto.createHash('sha256').update('B;\r\n').digest('hex'));
    expect(checksumOf('A;\n')).toBe(migrations[0]!.checksum);
    fs.rmSync(dir, { recursive: true });
  });
});
