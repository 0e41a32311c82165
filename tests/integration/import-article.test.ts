// Importing an article through the real endpoint: who may, what is stored,
// what is refused, and that nothing in the text is ever fetched.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

const IMPORT = `mutation ($text: String!, $title: String, $outlet: String, $url: String, $publishedAt: DateTime, $hostToken: String, $adminToken: String) {
  importArticle(text: $text, title: $title, outlet: $outlet, url: $url, publishedAt: $publishedAt, hostToken: $hostToken, adminToken: $adminToken) {
    created questionCount
    article { id title outlet url publishedAt body sourceFile }
    quiz { id kind title questions { id prompt } }
  }
}`;

// Our own short story, with quotations the engine can attribute.
const STORY = [
  'The city council of Brambleford voted 7-2 on Tuesday to close the old library on Mill Street, ending a two-year dispute over its repairs.',
  '"We simply cannot keep pouring money into a building that leaks every winter," said Mayor Helen Okafor, who proposed the closure.',
  'Councillor David Reyes, who voted against the plan, called the decision "a betrayal of every child who learned to read there."',
  'The repairs would have cost about $4.2 million, according to a report by the city engineer.',
  'Okafor said a new branch would open near the train station by 2028.',
].join('\n');

let db: TestDatabase;
let api: GraphQLTestServer;
let fetched = 0;
let bait: http.Server;
let baitUrl: string;

beforeAll(async () => {
  db = await createQuizDatabase();
  api = await startGraphQLServer(db, { adminToken: ADMIN_TOKEN });
  bait = http.createServer((_req, res) => {
    fetched += 1;
    res.end('<html>should never be fetched</html>');
  });
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
  baitUrl = `http://127.0.0.1:${(bait.address() as import('node:net').AddressInfo).port}/story`;
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
  await new Promise((resolve) => bait?.close(resolve));
});

async function importText(variables: Record<string, unknown>) {
  return api.query(IMPORT, variables);
}

describe('importArticle', () => {
  it('stores the article with the admin token, builds its quiz, and never fetches its url', async () => {
    const before = await db.prisma.article.count();
    const result = await importText({ text: STORY, title: 'Brambleford votes to close its old library', outlet: 'The Brambleford Courier', url: baitUrl, publishedAt: '2026-03-10T09:00:00Z', adminToken: ADMIN_TOKEN });
    expect(result.errors).toBeUndefined();
    const imported = result.data.importArticle;
    expect(imported.created).toBe(true);
    expect(imported.article).toMatchObject({ title: 'Brambleford votes to close its old library', outlet: 'The Brambleford Courier', url: baitUrl, body: STORY, publishedAt: '2026-03-10T09:00:00.000Z' });
    expect(imported.article.sourceFile).toMatch(/^imported:[0-9a-f]{32}$/);
    expect(imported.quiz.kind).toBe('ARTICLE');
    expect(imported.questionCount).toBeGreaterThan(0);
    expect(imported.quiz.questions).toHaveLength(imported.questionCount);
    // The quotation is attributed from the text alone.
    const quotes = await db.prisma.quote.findMany({ where: { articleId: imported.article.id }, include: { speaker: true } });
    expect(quotes.find((quote) => quote.text.startsWith('We simply cannot'))?.speaker?.name).toBe('Helen Okafor');
    expect(await db.prisma.article.count()).toBe(before + 1);
    expect(fetched).toBe(0);
  });

  it('gives the same article back when the same text is imported again', async () => {
    const first = await importText({ text: `${STORY}\nA second edition.`, adminToken: ADMIN_TOKEN });
    const again = await importText({ text: `${STORY}\nA second edition.`, adminToken: ADMIN_TOKEN });
    expect(again.errors).toBeUndefined();
    expect(again.data.importArticle.created).toBe(false);
    expect(again.data.importArticle.article.id).toBe(first.data.importArticle.article.id);
  });

  it("accepts a teacher's host token", async () => {
    const quizId = (await db.prisma.quiz.findFirstOrThrow()).id;
    const hosted = await api.query(`mutation ($quizId: ID!) { createSession(quizId: $quizId) { hostToken } }`, { quizId });
    const result = await importText({ text: `${STORY}\nThe vote came after midnight.`, hostToken: hosted.data.createSession.hostToken });
    expect(result.errors).toBeUndefined();
    expect(result.data.importArticle.created).toBe(true);
  });

  it.each([
    ['no token', {}],
    ['a wrong admin token', { adminToken: 'x'.repeat(40) }],
    ['a made-up host token', { hostToken: 'not-a-real-host-token-at-all' }],
  ])('refuses %s with FORBIDDEN and stores nothing', async (_name, tokens) => {
    const before = await db.prisma.article.count();
    const result = await importText({ text: `${STORY}\nUnauthorised copy.`, ...tokens });
    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await db.prisma.article.count()).toBe(before);
  });

  it.each([
    ['an empty text', { text: '   \n  ' }, /no text/],
    ['a text over 100,000 characters', { text: 'word '.repeat(20_001) }, /at most 100,000 characters/],
    ['a url that is not http(s)', { text: STORY, url: 'javascript:alert(1)' }, /http\(s\) URL/],
    ['a title over two lines', { text: STORY, title: 'One\nTwo' }, /one line/],
    ['front matter and arguments both', { text: `---\ntitle: In the text\n---\n${STORY}`, title: 'And as an argument' }, /not both/],
  ])('refuses %s with a clear BAD_USER_INPUT', async (_name, variables, message) => {
    const before = await db.prisma.article.count();
    const result = await importText({ ...variables, adminToken: ADMIN_TOKEN });
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await db.prisma.article.count()).toBe(before);
  });

  it('stores markup and SQL in the text as plain text', async () => {
    const text = `${STORY}\n<script>alert("x")</script> '); DROP TABLE articles; -- {{7*7}} \${process.env}`;
    const result = await importText({ text, adminToken: ADMIN_TOKEN });
    expect(result.errors).toBeUndefined();
    expect(result.data.importArticle.article.body).toBe(text);
    expect(await db.prisma.article.count()).toBeGreaterThan(2);
  });
});
