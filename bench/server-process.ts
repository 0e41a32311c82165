// Runs a server for a benchmark in a child process (production mode, quiet
// logs) on a free port, and stops it with SIGTERM, as a process manager would.
import { spawn } from 'node:child_process';
import { findFreePort } from '../lib/db/embedded-postgres.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';

/** A server the benchmarks start: its script, where it serves GraphQL, and the line it prints once ready. */
export interface BenchTarget {
  name: string;
  script: string;
  graphqlPath: string;
  readyLine: RegExp;
}

/** Ours: the production server (pages, GraphQL and its WebSocket on one port). */
export const OUR_SERVER: BenchTarget = { name: 'our server', script: 'server/main.ts', graphqlPath: '/api/graphql', readyLine: /Press Ctrl-C to stop/ };
/** The GraphQL ceiling: the same schema, resolvers and database on Apollo's standalone server. */
export const APOLLO_STANDALONE: BenchTarget = { name: 'Apollo standalone', script: 'bench/targets/apollo-standalone.ts', graphqlPath: '/', readyLine: /^ready /m };

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The GraphQL endpoint. */
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script>` with `env` (and PORT); resolves once it prints its ready line. */
export async function startServerProcess(target: BenchTarget, env: Record<string, string>): Promise<RunningServer> {
  const port = await findFreePort();
  // BENCH_PROFILE_DIR=<folder> writes a CPU profile of every server process there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', target.script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (target.readyLine.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${target.name} exited (${code}) before it was ready:\n${output}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${target.graphqlPath}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
