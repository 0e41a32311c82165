// Runs the real HTTP + WebSocket server (API only) in a child process over a
// given database, for tests of what crosses process boundaries.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/paths.ts';
import { postGraphQL, type GraphQLReply } from './graphql-server.ts';

export interface ApiProcess {
  url: string;
  wsUrl: string;
  /** Sends one operation over HTTP. */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLReply>;
  stop(): Promise<void>;
}

export async function startApiProcess(databaseUrl: string, timeoutMs = 30_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'helpers', 'api-server-main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API process did not start:\n${output}`)), timeoutMs);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /ready (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API process exited with ${code}:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}/api/graphql`;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    query: (query, variables) => postGraphQL(url, { query, variables }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
