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
  it('leaves a statement with many parameters (a long list, a bulk write) unnamed', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `id-${i}`);
    expect(await prisma.question.findMany({ where: { id: { in: ids } } })).toEqual([]);
    expect(await prisma.question.findMany({ where: { id: { in: ids.slice(0, 3) } } })).toEqual([]);
    // Only the short list is prepared: a parameter per id, and few others.
    const lists = (await prepared()).filter((row) => row.statement.includes('"questions"'));
    expect(lists).toHaveLength(1);
    expect((lists[0]!.statement.match(/\$\d+/g) ?? []).length).toBeLessThan(10);
  });
});

describe('past the cap', () => {
  it('a statement first seen after the cap runs unnamed, and works', async () => {
    const capped = new GeneratedClient({ adapter: new PrismaPg({ connectionString: db.url, max: 1 }, { statementNameGenerator: createStatementNames(1) }) });
    try {
      const list = (ids: string[]) => capped.question.findMany({ where: { id: { in: ids } } });
      // Each length of list is its own statement text: the first is named, the rest are past the cap.
      for (const ids of [['a'], ['a', 'b'], ['a', 'b', 'c']]) expect(await list(ids)).toEqual([]);
      const rows = await capped.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
      expect(rows.map((row) => row.statement.includes('"questions"'))).toEqual([true]);
    } finally {
      await capped.$disconnect();
    }
  });
});
