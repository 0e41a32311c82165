// Runs a server for a benchmark in a child process (production mode, quiet
// logs) and stops it with SIGTERM, as a process manager would.
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../lib/paths.ts';

/** Starts `node --import tsx <script>`; resolves once its output matches `readyLine`. */
export function startServerProcess(script: string, readyLine: RegExp, env: Record<string, string>, name = script): Promise<ChildProcess> {
  // BENCH_PROFILE_DIR=<folder> writes a CPU profile of every server process there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (readyLine.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`)));
  });
}

export function stopServerProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
