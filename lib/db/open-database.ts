// Decides which PostgreSQL the app uses: DATABASE_URL when set, otherwise an
// embedded server whose data lives in a project folder (.data/postgres by
// default, git-ignored), so a restart keeps every article, game and score.
import pg from 'pg';
import { redactUrl } from '../config/env.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

const EMBEDDED_DATABASE = 'factcheck';

export interface Database {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return redactUrl(url);
  }
}

/** Connects once, so a wrong URL fails at start-up with one clear line. */
export async function checkConnection(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new DatabaseUnreachableError(`cannot connect to the database at ${describe(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function openDatabase(
  databaseUrl: string | undefined,
  options: { dataDir: string; onLog?: (line: string) => void },
): Promise<Database> {
  if (databaseUrl) {
    await checkConnection(databaseUrl);
    return { url: databaseUrl, embedded: false, close: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    persistent: true,
    onLog: options.onLog,
  });
  try {
    await createDatabaseIfMissing(server.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor(EMBEDDED_DATABASE), embedded: true, close: () => server.stop() };
}
