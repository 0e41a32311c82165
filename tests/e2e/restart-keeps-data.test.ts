// `npm start` without DATABASE_URL: the app starts its own PostgreSQL, and
// Ctrl-C stops everything. Starting again finds the same articles, with the
// same ids, not duplicated.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../lib/db/embedded-postgres.ts';
import { DATA_DIR, SEEDS_DIR } from '../../lib/paths.ts';
import { startApp, type AppProcess } from '../helpers/app-process.ts';

const dataDir = path.join(DATA_DIR, `test-pg-${process.pid}-restart`);
let running: AppProcess | undefined;

afterAll(async () => {
  await running?.stop('SIGINT');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.password`, { force: true });
});

async function articles(app: AppProcess): Promise<{ id: string; title: string; sourceFile: string }[]> {
  const response = await fetch(`${app.baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles { id title sourceFile } }' }),
  });
  const json = (await response.json()) as { data: { articles: { id: string; title: string; sourceFile: string }[] } };
  return json.data.articles;
}

function postgresRunning(): boolean {
  return fs.existsSync(path.join(dataDir, 'postmaster.pid'));
}

describe('embedded database across restarts', () => {
  it('keeps the data, does not duplicate it, and Ctrl-C stops PostgreSQL too', async () => {
    const env = { DATABASE_URL: '', EMBEDDED_POSTGRES_DIR: dataDir };
    const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

    running = await startApp(env, await findFreePort());
    expect(running.output()).toContain('on the embedded database in');
    const first = await articles(running);
    expect(first.map((a) => a.sourceFile).sort()).toEqual(seeds);
    expect(postgresRunning()).toBe(true);

    // Ctrl-C in a terminal: the server and its PostgreSQL get SIGINT at once.
    const stoppedAt = Date.now();
    expect(await running.stop('SIGINT', { group: true })).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    running = undefined;
    expect(postgresRunning()).toBe(false);

    running = await startApp(env, await findFreePort());
    const second = await articles(running);
    expect(second).toEqual(first);
    // A process manager's SIGTERM reaches the server alone; it stops PostgreSQL itself.
    expect(await running.stop('SIGTERM')).toBe(0);
    running = undefined;
    expect(postgresRunning()).toBe(false);
  });
});
