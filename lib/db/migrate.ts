// Applies the SQL migrations in prisma/migrations and records them in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (same table,
// sha256 checksum of migration.sql, same advisory lock), so that either tool
// can take over a database the other one migrated. Prisma's own CLI needs a
// native schema engine that cannot be downloaded here; this file replaces
// only its `deploy` step.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

// The lock id Prisma Migrate takes, so our runs and Prisma's exclude each other,
// and how long Prisma waits for it.
const PRISMA_ADVISORY_LOCK = 72707369;
const LOCK_TIMEOUT_MS = 10_000;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string | Buffer): string {
  return crypto.createHash('sha256').update(sql).digest('hex');
}

/** The migrations on disk, in the order Prisma applies them (folder name order). */
export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function checkLockFile(dir: string): void {
  const lockFile = path.join(dir, 'migration_lock.toml');
  if (!fs.existsSync(lockFile)) return;
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(lockFile, 'utf8'))?.[1];
  if (provider && provider !== 'postgresql') {
    throw new MigrationError(`${lockFile} is for ${provider}; these migrations need PostgreSQL`);
  }
}

async function acquireLock(client: pg.Client): Promise<void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PRISMA_ADVISORY_LOCK]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new MigrationError(`another migration has held the migration lock for over ${LOCK_TIMEOUT_MS / 1000} s; try again when it is done`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Like Prisma (P3005): an existing schema without migration history is not ours to change. */
async function refuseUnknownSchema(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table: string }>(
    "SELECT tablename AS table FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' LIMIT 1",
  );
  const history = await client.query("SELECT to_regclass(current_schema() || '._prisma_migrations') IS NOT NULL AS present");
  if (rows.length && !history.rows[0].present) {
    throw new MigrationError(
      `the database already has tables (such as ${rows[0]!.table}) but no migration history; use an empty database`,
    );
  }
}

export async function migrate(url: string, dir: string, log: (line: string) => void = () => {}): Promise<MigrateResult> {
  checkLockFile(dir);
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    await acquireLock(client);
    await refuseUnknownSchema(client);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const live = rows.filter((row) => row.rolled_back_at === null);
    const failed = live.find((row) => row.finished_at === null);
    if (failed) {
      // Prisma's P3009. Our runs apply a migration in one transaction, so a failed one left nothing behind.
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier (its error is in _prisma_migrations.logs); ` +
          `fix it, then mark it with \`npm run db:migrate -- --rolled-back ${failed.migration_name}\` and migrate again`,
      );
    }
    const onDisk = new Set(migrations.map((m) => m.name));
    const unknown = live.find((row) => !onDisk.has(row.migration_name));
    if (unknown) {
      throw new MigrationError(`the database has migration ${unknown.migration_name}, which is not in ${dir}`);
    }
    const applied = new Map(live.map((row) => [row.migration_name, row]));
    for (const migration of migrations) {
      const done = applied.get(migration.name);
      if (done) {
        if (done.checksum !== migration.checksum) {
          log(`warning: migration ${migration.name} was modified after it was applied`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(client, migration);
      log(`applied migration ${migration.name}`);
      result.applied.push(migration.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
  return result;
}

/**
 * `prisma migrate resolve --rolled-back NAME`: records that a failed migration
 * left nothing behind, so that a fixed version of it can be applied.
 */
export async function markRolledBack(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query(
      'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL',
      [name],
    );
    if (!rowCount) throw new MigrationError(`there is no failed migration named ${name} to mark as rolled back`);
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = crypto.randomUUID();
  // Like Prisma: the row is written first, so a failure leaves a visible record.
  await client.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    // As Prisma records a failed step: the error in logs, finished_at left empty.
    await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, message]);
    throw new MigrationError(`migration ${migration.name} failed: ${message}`);
  }
  await client.query(
    'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
    [id],
  );
}
