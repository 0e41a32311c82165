// The health check a load balancer polls: GET (or HEAD) /api/health answers
// 200 when the database answers a query within a short time and every
// migration in prisma/migrations is recorded as applied in
// `_prisma_migrations` (finished, not rolled back); otherwise 503, saying
// which check failed. It uses the app's own connection pool, so it sees what
// requests see, and never shows a connection string or an error message.
import type http from 'node:http';
import type { Logger } from '../lib/log/logger.ts';
import type { PrismaClient } from '../lib/db/prisma.ts';
import { databaseUnavailableReason } from '../lib/db/database-errors.ts';
import { readMigrations } from '../lib/db/migrate.ts';
import { MIGRATIONS_DIR } from '../lib/paths.ts';

export const HEALTH_PATH = '/api/health';
/** Longer than this, and the database counts as unavailable (a load balancer's own timeout is often 5 s). */
export const HEALTH_TIMEOUT_MS = 2_000;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unavailable';
  /** `unknown` when the database could not be asked. */
  migrations: 'ok' | 'pending' | 'unknown';
  /** The migrations on disk not (or not successfully) applied, when `migrations` is `pending`. */
  pending?: string[];
}

class HealthTimeout extends Error {
  override name = 'HealthTimeout';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout(`no answer within ${ms} ms`)), ms);
  });
  // The query may still fail after the timeout; that is no longer anyone's concern.
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs both checks; `expected` are the migration folders this code was shipped with. */
export async function checkHealth(prisma: PrismaClient, expected: readonly string[], timeoutMs = HEALTH_TIMEOUT_MS): Promise<{ report: HealthReport; problem?: string }> {
  const checks = async () => {
    // The database answering (the `SELECT 1`), and whether it has a migration history at all.
    const history = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass(current_schema() || '._prisma_migrations') IS NOT NULL AS present`;
    if (!history[0]?.present) return new Set<string>();
    const rows = await prisma.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((row) => row.name));
  };
  let applied: Set<string>;
  try {
    applied = await withTimeout(checks(), timeoutMs);
  } catch (error) {
    const problem = error instanceof HealthTimeout ? error.message : (databaseUnavailableReason(error) ?? 'the health query failed');
    return { report: { status: 'unavailable', database: 'unavailable', migrations: 'unknown' }, problem };
  }
  const pending = expected.filter((name) => !applied.has(name));
  if (pending.length) return { report: { status: 'unavailable', database: 'ok', migrations: 'pending', pending }, problem: `${pending.length} migration(s) pending` };
  return { report: { status: 'ok', database: 'ok', migrations: 'ok' } };
}

/** The request handler for HEALTH_PATH. Logs when the health changes, not on every poll. */
export function createHealthHandler(options: { prisma: PrismaClient; log: Logger; migrationsDir?: string; timeoutMs?: number }) {
  const expected = readMigrations(options.migrationsDir ?? MIGRATIONS_DIR).map((migration) => migration.name);
  let lastProblem: string | undefined;
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    res.setHeader('cache-control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('allow', 'GET, HEAD');
      res.end();
      return;
    }
    const { report, problem } = await checkHealth(options.prisma, expected, options.timeoutMs);
    if (problem !== lastProblem) {
      if (problem) options.log.warn({ health: report, reason: problem }, 'health check failing');
      else options.log.info('health check passing again');
      lastProblem = problem;
    }
    const body = JSON.stringify(report);
    res.statusCode = report.status === 'ok' ? 200 : 503;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
