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
import { buildPages, pagesBuildIsStale } from '../server/build-pages.ts';

export interface BenchDatabase {
  url: string;
  prisma: PrismaClient;
  stop(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  if (pagesBuildIsStale(PROJECT_ROOT)) await buildPages(PROJECT_ROOT);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, `bench-pg-${process.pid}`), persistent: false });
  try {
    await createDatabaseIfMissing(postgres.adminUrl, 'bench');
    const url = postgres.urlFor('bench');
    await migrate(url, MIGRATIONS_DIR);
    const prisma = createPrismaClient(url);
    await loadSeeds(prisma, SEEDS_DIR);
    await storeQuestions(prisma);
    return {
      url,
      prisma,
      stop: async () => {
        await prisma.$disconnect();
        await postgres.stop();
      },
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}
