// An import into a large catalogue: building every article's questions again
// takes the engine seconds, and it happens on the engine's own thread
// (lib/questions/engine-thread.ts), so the server keeps answering players
// meanwhile. Against a real server process on a catalogue of 116 articles
// made from our test articles, which the engine groups as one story: the
// worst case, every article's distractors drawn from all the others.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startApiProcess, type ApiProcess } from '../helpers/api-process.ts';
import { saveArticleFile } from '../../lib/articles/save-article-file.ts';
import { storeQuestions } from '../../lib/questions/store-questions.ts';
import { PROJECT_ROOT } from '../../lib/paths.ts';

const NEW_ARTICLE = [
  'The Harwick county board approved a new bus route on Monday linking the hospital with the northern estates.',
  '"Patients have been missing appointments for years because there was simply no way to get here," said board chair Miriam Castell.',
  'Transit director Paul Ndiaye said the route would run every 20 minutes from September.',
].join('\n');

let db: TestDatabase & { storyQuizId: string };
let server: ApiProcess;
let articles = 0;

beforeAll(async () => {
  db = await createQuizDatabase();
  const dirs = ['articles', 'holdout', 'holdout2'].map((dir) => path.join(PROJECT_ROOT, 'tests', 'fixtures', dir));
  const texts = dirs.flatMap((dir) => fs.readdirSync(dir).filter((file) => file.endsWith('.txt')).map((file) => fs.readFileSync(path.join(dir, file), 'utf8')));
  // Each test article, and each joined with the body of the next one and of the one after, as longer articles.
  const joined = (step: number) => texts.map((text, i) => `${text}\n${texts[(i + step) % texts.length]!.split('\n').slice(1).join('\n')}`);
  const catalogue = [...texts, ...joined(1), ...joined(2)];
  for (const [i, text] of catalogue.entries()) await saveArticleFile(db.prisma, { sourceFile: `imported:catalogue-${i}`, text });
  await storeQuestions(db.prisma);
  articles = await db.prisma.article.count();
  server = await startApiProcess(db.url);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('an import into a large catalogue', () => {
  it('builds the quiz while every other request is answered promptly', async () => {
    expect(articles).toBeGreaterThan(100);
    const hosted = await server.query('mutation ($q: ID!) { createSession(quizId: $q) { hostToken } }', { q: db.storyQuizId });
    const hostToken = hosted.data.createSession.hostToken as string;

    const started = performance.now();
    let done = false;
    const importing = server
      .query('mutation ($t: String!, $h: String) { importArticle(text: $t, hostToken: $h, title: "Harwick approves hospital bus route") { created questionCount quiz { id } } }', { t: NEW_ARTICLE, h: hostToken })
      .finally(() => (done = true));
    const pings: number[] = [];
    while (!done) {
      const sent = performance.now();
      const reply = await server.query('{ articles { id } }');
      pings.push(performance.now() - sent);
      expect(reply.data.articles.length).toBeGreaterThanOrEqual(articles);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const imported = await importing;
    const importMs = performance.now() - started;
    const slowest = Math.max(...pings);
    console.log(`import into ${articles} articles: ${Math.round(importMs)} ms; ${pings.length} reads meanwhile, slowest ${Math.round(slowest)} ms`);

    expect(imported.errors).toBeUndefined();
    expect(imported.data.importArticle).toMatchObject({ created: true, quiz: { id: expect.any(String) } });
    expect(imported.data.importArticle.questionCount).toBeGreaterThan(0);
    // The rebuild is long enough to matter, and no read waited behind it.
    expect(importMs).toBeGreaterThan(1_000);
    expect(slowest, 'a read waiting behind the import').toBeLessThan(Math.min(400, importMs / 3));
  });
});
