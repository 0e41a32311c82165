// Runs the real server (server/main.ts, as `npm start` does) in a child
// process of its own process group, and stops it the way a person does:
// Ctrl-C in a terminal sends SIGINT to the whole group (the embedded
// PostgreSQL included); a process manager sends SIGTERM to the server alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../lib/paths.ts';

export interface AppProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** Signals the server (or, with `group`, every process it started, as a terminal does); resolves with its exit code. */
  stop(signal?: NodeJS.Signals, options?: { group?: boolean }): Promise<number | null>;
}

export async function startApp(env: Record<string, string>, port: number, timeoutMs = 120_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with code ${code} before it was ready:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async (signal = 'SIGINT', options = {}) => {
      if (child.exitCode === null) {
        if (options.group) process.kill(-child.pid!, signal);
        else child.kill(signal);
      }
      return exited;
    },
  };
}
