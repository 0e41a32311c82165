// Prisma's statements are prepared once per connection and kept
// (lib/db/statement-names.ts): PostgreSQL then plans them once, not on every
// call. Checked in the connection's own list of prepared statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { createPrismaClient, type PrismaClient } from '../../lib/db/prisma.ts';
import { PrismaClient as GeneratedClient } from '../../lib/db/generated/client.ts';
import { createStatementNames } from '../../lib/db/statement-names.ts';

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  // One connection, so every statement below runs on the connection that is asked.
  prisma = createPrismaClient(db.url, { maxConnections: 1 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const prepared = () => prisma.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;

describe('prepared statements', () => {
  it('prepares a model query once and uses it again', async () => {
    await prisma.article.findMany({ where: { outlet: 'Nowhere Gazette' } });
    await prisma.article.findMany({ where: { outlet: 'Elsewhere Herald' } });
    const articles = (await prepared()).filter((row) => row.statement.includes('"articles"'));
    expect(articles).toHaveLength(1);
    expect(articles[0]!.name).toMatch(/^q[\w-]{27}$/);
  });

  it('prepares raw queries too, one per distinct text', async () => {
    const game = (id: string) => prisma.$queryRaw`SELECT id FROM games WHERE id = ${id}`;
    await game('a');
    await game('b');
    expect((await prepared()).filter((row) => row.statement === 'SELECT id FROM games WHERE id = $1')).toHaveLength(1);
  });
});

describe('statements shaped by data', () => {
  it('leaves lists and writes of several rows unnamed, whatever their length', async () => {
    for (const ids of [['a'], ['a', 'b', 'c'], Array.from({ length: 100 }, (_, i) => `id-${i}`)]) {
      expect(await prisma.question.findMany({ where: { id: { in: ids } } })).toEqual([]);
    }
    const players = (count: number) => Array.from({ length: count }, (_, i) => ({ nickname: `Player ${i}`, tokenHash: `hash-${count}-${i}` }));
    await prisma.player.createMany({ data: players(3) });
    await prisma.player.createMany({ data: players(1) });
    const statements = (await prepared()).map((row) => row.statement);
    expect(statements.filter((statement) => statement.includes('"questions"'))).toEqual([]);
    // The one-row write has a fixed shape, and is prepared.
    expect(statements.filter((statement) => statement.includes('INSERT INTO "public"."players"'))).toHaveLength(1);
  });
});

describe('past the cap', () => {
  it('a statement first seen after the cap runs unnamed, and works', async () => {
    const capped = new GeneratedClient({ adapter: new PrismaPg({ connectionString: db.url, max: 1 }, { statementNameGenerator: createStatementNames(1) }) });
    try {
      for (const column of ['first', 'second', 'third']) expect(await capped.$queryRawUnsafe(`SELECT 1 AS ${column}`)).toHaveLength(1);
      const rows = await capped.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
      expect(rows.map((row) => row.statement)).toEqual(['SELECT 1 AS first']);
    } finally {
      await capped.$disconnect();
    }
  });
});
