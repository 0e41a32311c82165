// What every server benchmark starts from: the production pages built (when
// the sources changed), and a fresh embedded PostgreSQL, migrated, with the
// seed articles and their quizzes. Stopped (and its data deleted) by `stop`.
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres.ts';
import { createDatabaseIfMissing } from '../lib/db/open-database.ts';
import { DATA_DIR, MIGRATIONS_DIR, PROJECT_ROOT, SEEDS_DIR } from '../lib/paths.ts';
import { migrate } from '../lib/db/migrate.ts';
import { createPrismaClient, type PrismaClient } from '../lib/db/prisma.ts';
import { loadSeeds } from '../seeds/load-seeds.ts';
import { storeQuestions } from '../lib/questions/store-questions.ts';
import { enableStatements, statementsRecorded } from './statements.ts';
import { buildPages, pagesBuildIsStale } from '../server/build-pages.ts';

export interface BenchDatabase {
  url: string;
  prisma: PrismaClient;
  stop(): Promise<void>;
}

/** A fresh embedded PostgreSQL with one migrated database, and nothing in it. */
export async function startBenchPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  // BENCH_STATEMENTS=1: pg_stat_statements records every statement's planning and execution time.
  const settings = statementsRecorded() ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } : undefined;
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, `bench-pg-${process.pid}`), persistent: false, settings });
  try {
    await createDatabaseIfMissing(postgres.adminUrl, 'bench');
    const url = postgres.urlFor('bench');
    await migrate(url, MIGRATIONS_DIR);
    await enableStatements(url);
    return { url, stop: () => postgres.stop() };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

/** The pages built (when stale), and a fresh database with the seed articles and their quizzes. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  if (pagesBuildIsStale(PROJECT_ROOT)) await buildPages(PROJECT_ROOT);
  const postgres = await startBenchPostgres();
  const prisma = createPrismaClient(postgres.url);
  try {
    await loadSeeds(prisma, SEEDS_DIR);
    await storeQuestions(prisma);
  } catch (error) {
    await prisma.$disconnect();
    await postgres.stop();
    throw error;
  }
  return {
    url: postgres.url,
    prisma,
    stop: async () => {
      await prisma.$disconnect();
      await postgres.stop();
    },
  };
}
