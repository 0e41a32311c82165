// Stored analysis, questions and quizzes, through the real GraphQL endpoint;
// and the promise that no field gives an answer away before it is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../seeds/load-seeds.ts';
import { SEEDS_DIR } from '../../lib/paths.ts';
import { storeQuestions } from '../../lib/questions/store-questions.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';

let db: TestDatabase;
let api: GraphQLTestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await loadSeeds(db.prisma, SEEDS_DIR);
  api = await startGraphQLServer(db);
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('building and storing questions', () => {
  it('builds a quiz per article and one for the story, once', async () => {
    const first = await storeQuestions(db.prisma);
    expect(first).toMatchObject({ built: true, articles: 2, quizzes: 3, retiredQuestions: 0 });
    expect(first.questions).toBeGreaterThan(15);
    const again = await storeQuestions(db.prisma);
    expect(again.built).toBe(false);
    expect(await db.prisma.questionBuild.count()).toBe(1);
  });

  it('lists quizzes with their questions over GraphQL, story first', async () => {
    const result = await api.query(`{
      quizzes { id slug kind title questionCount articles { title } questions { id type prompt quote choices { id text } } }
    }`);
    expect(result.errors).toBeUndefined();
    const quizzes = result.data.quizzes;
    expect(quizzes.map((q: { kind: string }) => q.kind)).toEqual(['STORY', 'ARTICLE', 'ARTICLE']);
    expect(quizzes[0].articles).toHaveLength(2);
    for (const quiz of quizzes) {
      expect(quiz.questionCount).toBe(quiz.questions.length);
      for (const question of quiz.questions) {
        expect(question.choices.length).toBeGreaterThanOrEqual(3);
        expect(new Set(question.choices.map((c: { id: string }) => c.id)).size).toBe(question.choices.length);
      }
    }
    const types = new Set(quizzes[0].questions.map((q: { type: string }) => q.type));
    expect(types).toContain('QUOTE_MATCH');
    expect(types).toContain('WHO_SAID');
    expect(types).toContain('WHO_CALLED');
  });

  it('exposes people, quotes and speakers of an article', async () => {
    const result = await api.query(`{
      articles { sourceFile people { name aliases quotes { text } } organizations { name kind } quotes { text kind cue speakerName speakerKind speaker { name } sentence start end } }
    }`);
    expect(result.errors).toBeUndefined();
    const hill = result.data.articles.find((a: { sourceFile: string }) => a.sourceFile === '000_62965dcfa5acf37f.txt');
    const trump = hill.people.find((p: { name: string }) => p.name === 'Donald Trump');
    expect(trump.aliases).toEqual(expect.arrayContaining(['Trump', 'President Trump']));
    expect(trump.quotes.length).toBeGreaterThanOrEqual(4);
    const quote = hill.quotes.find((q: { text: string }) => q.text.startsWith('We’re not involved in it.'));
    expect(quote).toMatchObject({ kind: 'DIRECT', cue: 'told ABC News', speakerName: 'Donald Trump', speakerKind: 'PERSON', speaker: { name: 'Donald Trump' } });
    expect(quote.sentence).toContain('Trump told ABC News');
    expect(hill.organizations).toEqual(expect.arrayContaining([{ name: 'The Associated Press', kind: 'OUTLET' }]));
  });

  it('no field of a question, choice or quiz carries an answer key (keys come only with AnswerResult)', async () => {
    const result = await api.query('{ __schema { types { name fields { name } } } }');
    // AnswerResult and Evidence are only ever returned for questions already answered (tests/integration/games-api.test.ts).
    // In classroom sessions, SessionReveal and SessionAnswerOutcome exist only once the host has closed the
    // question, and the report (SessionReport and its parts) is the host's (tests/integration/sessions-api.test.ts
    // and session-live-updates.test.ts check that nothing is revealed while a question is open).
    const afterAnswering = new Set([
      'AnswerResult', 'Evidence', 'Mutation', 'SessionReveal', 'SessionAnswerOutcome', 'SessionAnswerReceipt',
      'SessionReport', 'SessionQuestionReport', 'SessionStudentReport', 'SessionStudentAnswer',
    ]);
    const leaks = result.data.__schema.types
      .filter((t: { name: string }) => !t.name.startsWith('__') && !afterAnswering.has(t.name))
      .flatMap((t: { name: string; fields: { name: string }[] | null }) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`))
      .filter((name: string) => /answer|correct|explanation|evidence|isRight|key$/i.test(name))
      // Game.answers lists only answered questions; the correct counts are tallies (a session's settle on close);
      // SessionMe.lastAnswer is null until the close; answer counts are counts.
      .filter(
        (name: string) =>
          ![
            'Game.answers', 'Game.answeredCount', 'Game.correctCount', 'LeaderboardEntry.correctCount',
            'SessionPlayer.correctCount', 'SessionMe.correctCount', 'SessionMe.answeredCurrent', 'SessionMe.lastAnswer', 'SessionHostView.answerCount',
          ].includes(name),
      );
    expect(leaks).toEqual([]);
    const question = await api.query('{ quizzes { questions { id } } }');
    const id = question.data.quizzes[0].questions[0].id;
    const stored = await db.prisma.question.findUniqueOrThrow({ where: { id } });
    const raw = JSON.stringify((await api.query(`{ quizzes { questions { id prompt quote choices { id text } } } }`)).data);
    // The stored explanation and evidence are nowhere in what a client can fetch.
    expect(raw).not.toContain(stored.explanation);
  });

  it('an edited article gets new questions; the old ones are retired, not deleted', async () => {
    const article = await db.prisma.article.findFirstOrThrow({ where: { sourceFile: '003_830d5d39b862635b.txt' } });
    const before = await db.prisma.question.findMany({ where: { articleId: article.id } });
    const body = article.body.replace('calling them “fake,”', 'calling them “fabricated,”');
    await db.prisma.article.update({ where: { id: article.id }, data: { body, contentHash: 'f'.repeat(64) } });
    const report = await storeQuestions(db.prisma);
    expect(report.built).toBe(true);
    expect(report.retiredQuestions).toBeGreaterThan(0);
    const after = await db.prisma.question.findMany({ where: { articleId: article.id } });
    expect(after.length).toBeGreaterThan(before.length);
    const retired = after.filter((q) => q.retiredAt);
    expect(retired.some((q) => q.quote === 'fake')).toBe(true);
    const current = after.filter((q) => !q.retiredAt);
    expect(current.some((q) => q.type === 'WHO_CALLED' && q.quote === 'fabricated' && q.choices[q.answerIndex] === 'Benjamin Netanyahu')).toBe(true);
    const quiz = await api.query(`{ quizzes(articleId: "${article.id}", kind: ARTICLE) { questions { quote } } }`);
    const quotes = quiz.data.quizzes[0].questions.map((q: { quote: string | null }) => q.quote);
    expect(quotes).toContain('fabricated');
    expect(quotes).not.toContain('fake');
  });

  it('two processes building at once build once', async () => {
    await db.prisma.article.updateMany({ data: { contentHash: 'e'.repeat(64) } });
    const [a, b] = await Promise.all([storeQuestions(db.prisma), storeQuestions(db.prisma)]);
    expect([a.built, b.built].filter(Boolean)).toHaveLength(1);
  });
});
