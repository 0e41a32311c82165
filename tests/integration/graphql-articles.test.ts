// The articles API end to end: HTTP request → Apollo Server → resolvers →
// Prisma → PostgreSQL, over the seed articles.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../seeds/load-seeds.ts';
import { SEEDS_DIR } from '../../lib/paths.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

let db: TestDatabase;
let api: GraphQLTestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadSeeds(db.prisma, SEEDS_DIR);
  await db.prisma.article.create({
    data: {
      title: 'Council approves new bus lanes',
      outlet: 'The Valley Gazette',
      url: 'https://example.org/bus-lanes',
      publishedAt: new Date('2026-03-04T09:00:00Z'),
      body: 'Council approves new bus lanes\nThe council voted 7-2 on Monday.\n\nWork starts in April.',
      wordCount: 15,
      contentHash: 'a'.repeat(64),
    },
  });
  api = await startGraphQLServer(db);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('articles query', () => {
  it('lists every article with title and outlet; dated first, newest first', async () => {
    const result = await api.query('{ articles { id title outlet publishedAt sourceFile } }');
    expect(result.errors).toBeUndefined();
    const articles = result.data.articles;
    const seedFiles = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
    expect(articles).toHaveLength(seedFiles.length + 1);
    expect(articles[0]).toMatchObject({
      title: 'Council approves new bus lanes',
      outlet: 'The Valley Gazette',
      publishedAt: '2026-03-04T09:00:00.000Z',
      sourceFile: null,
    });
    expect(articles.slice(1).map((a: { sourceFile: string }) => a.sourceFile).sort()).toEqual(seedFiles.sort());
    for (const article of articles) expect(article.title.length).toBeGreaterThan(10);
  });

  it('returns one article by id, with its exact text and derived fields', async () => {
    const list = await api.query('{ articles { id sourceFile } }');
    const seed = list.data.articles.find((a: { sourceFile: string | null }) => a.sourceFile);
    const result = await api.query(
      'query ($id: ID!) { article(id: $id) { id title titleDerived body blocks { kind text start end } wordCount readingMinutes contentHash } }',
      { id: seed.id },
    );
    expect(result.errors).toBeUndefined();
    const article = result.data.article;
    const text = fs.readFileSync(path.join(SEEDS_DIR, seed.sourceFile), 'utf8');
    expect(article.body).toBe(text);
    expect(article.titleDerived).toBe(true);
    expect(article.blocks.map((b: { text: string }) => b.text)).toEqual(text.split('\n').map((l) => l.trim()).filter(Boolean));
    for (const block of article.blocks) expect(text.slice(block.start, block.end)).toBe(block.text);
    expect(article.wordCount).toBeGreaterThan(300);
    expect(article.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks section headings such as an opinion section’s title as HEADING blocks', async () => {
    const result = await api.query('{ articles { title blocks { kind text } } }');
    const withOpinion = result.data.articles.find((a: { blocks: { text: string }[] }) =>
      a.blocks.some((b) => b.text === 'What The Author Thinks'),
    );
    expect(withOpinion).toBeDefined();
    const headings = withOpinion.blocks.filter((b: { kind: string }) => b.kind === 'HEADING').map((b: { text: string }) => b.text);
    expect(headings).toContain('What The Author Thinks');
    expect(headings).not.toContain('Featured image credit: FMT');
  });

  it('answers null for an id that does not exist', async () => {
    const result = await api.query('{ article(id: "no-such-article") { id } }');
    expect(result).toEqual({ data: { article: null } });
  });

  it('rejects a query for a field that does not exist with GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, json } = await api.post({ query: '{ articles { id answerKey } }' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects malformed JSON with a 400 and a clear message, not a stack trace', async () => {
    const { status, json, text } = await api.post('{"query": "{ articles { id } }"');
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(json.errors[0].message).toMatch(/not valid JSON/);
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('rejects a body over the size limit with 413', async () => {
    const { status, json } = await api.post({ query: `{ articles { id } } # ${'x'.repeat(1_100_000)}` });
    expect(status).toBe(413);
    expect(json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ articles { id } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
    const allowed = await fetch(`${api.url}?query=${encodeURIComponent('{ articles { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(allowed.status).toBe(200);
  });

  it('masks unexpected errors: the client sees a code, never SQL or paths', async () => {
    await db.prisma.$executeRawUnsafe('ALTER TABLE articles RENAME COLUMN body TO body_moved');
    try {
      const { json, text } = await api.post({ query: '{ articles { id body } }' });
      expect(json.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(text).not.toMatch(/body_moved|SELECT|\/work\/|node_modules|stacktrace/i);
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE articles RENAME COLUMN body_moved TO body');
    }
  });
});
