// A fresh, migrated database for one test file, cloned from the run's template.
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/db/prisma.ts';
import { SEEDS_DIR } from '../../lib/paths.ts';
import { storeQuestions } from '../../lib/questions/store-questions.ts';
import { loadSeeds } from '../../seeds/load-seeds.ts';

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(sql: string, run?: (client: pg.Client) => Promise<T>): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    if (run) return await run(client);
    await client.query(sql);
    return undefined;
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations), for tests of the migrator itself. */
export async function createEmptyDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: urlFor(inject('pgAdminUrl'), name),
    drop: async () => void (await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
  const url = urlFor(inject('pgAdminUrl'), name);
  const prisma = createPrismaClient(url, { maxConnections: 4 });
  return {
    name,
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A test database with the seed articles loaded and their questions and quizzes built; `storyQuizId` is the story's quiz. */
export async function createQuizDatabase(): Promise<TestDatabase & { storyQuizId: string }> {
  const db = await createTestDatabase();
  await loadSeeds(db.prisma, SEEDS_DIR);
  await storeQuestions(db.prisma);
  const storyQuizId = (await db.prisma.quiz.findFirstOrThrow({ where: { kind: 'STORY' } })).id;
  return { ...db, storyQuizId };
}
