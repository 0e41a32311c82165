// The playground's example tabs (app/playground/examples.ts) can never drift
// from the schema: each is parsed and validated against the executable schema
// with its pre-filled variables, and each is run against a real server over the
// seed articles as a newcomer would run it (the game tab step by step, the
// subscription over WebSocket).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVariableValues, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Client } from 'graphql-ws';
import { EXAMPLE_OPERATIONS } from '../../app/playground/examples.ts';
import { buildSchema } from '../../graphql/schema.ts';
import { createQuizDatabase, type TestDatabase } from '../helpers/database.ts';
import { startGraphQLServer, type GraphQLTestServer } from '../helpers/graphql-server.ts';
import { subscribe, subscriptionClient } from '../helpers/subscriptions.ts';

type Example = (typeof EXAMPLE_OPERATIONS)[number];

const schema = buildSchema();

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

function variablesOf(example: Example): Record<string, unknown> {
  return example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
}

/** The example whose document defines the named operation. */
function exampleWith(operationName: string): Example {
  const found = EXAMPLE_OPERATIONS.find((example) => operationsOf(parse(example.query)).some((op) => op.name?.value === operationName));
  if (!found) throw new Error(`no example defines the operation ${operationName}`);
  return found;
}

describe('every playground example against the schema', () => {
  it('has examples, each with its own title', () => {
    expect(EXAMPLE_OPERATIONS.length).toBeGreaterThanOrEqual(5);
    const titles = EXAMPLE_OPERATIONS.map((example) => example.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  for (const example of EXAMPLE_OPERATIONS) {
    describe(example.title, () => {
      it('opens with a # comment that explains it', () => {
        const comment = example.query.match(/^(#.*\n)+/)?.[0] ?? '';
        expect(comment.replace(/^#\s*/gm, '').trim().length).toBeGreaterThan(40);
      });

      it('fits the narrow editor pane: no line over 48 characters', () => {
        const lines = `${example.query}\n${example.variables ?? ''}`.split('\n');
        expect(lines.filter((line) => line.length > 48)).toEqual([]);
      });

      it('parses and validates against the executable schema', () => {
        const document = parse(example.query);
        expect(validate(schema, document).map((error) => error.message)).toEqual([]);
        const operations = operationsOf(document);
        expect(operations.length).toBeGreaterThan(0);
        // Named operations: GraphiQL titles the tab and lists the steps by name.
        for (const operation of operations) expect(operation.name?.value).toMatch(/^[A-Z]\w+$/);
      });

      it('pre-fills variables of the right types for every operation in it', () => {
        const inputs = variablesOf(example);
        const declared = new Set<string>();
        for (const operation of operationsOf(parse(example.query))) {
          const definitions = operation.variableDefinitions ?? [];
          for (const definition of definitions) declared.add(definition.variable.name.value);
          // Missing, mistyped or misspelt values (an enum value the schema lacks) are reported here.
          const coerced = getVariableValues(schema, definitions, inputs);
          expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
        }
        // Every pre-filled variable is used by some operation of the tab.
        expect(Object.keys(inputs).filter((name) => !declared.has(name))).toEqual([]);
      });
    });
  }

  it('keeps the article list first (the browser test runs the first tab)', () => {
    const [first] = operationsOf(parse(EXAMPLE_OPERATIONS[0]!.query));
    const roots = first!.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : selection.kind));
    expect(roots).toEqual(['articles']);
    expect(EXAMPLE_OPERATIONS[0]!.query).toMatch(/quotes\s*\{[^}]*speakerName/);
  });
});

describe('every playground example against a real server', () => {
  let db: TestDatabase;
  let api: GraphQLTestServer;
  const clients: Client[] = [];

  /** Sends one operation of an example as GraphiQL does: the whole document, every variable of the tab, the operation's name. */
  async function run(example: Example, operationName: string, overrides: Record<string, unknown> = {}) {
    const { status, json } = await api.post({ query: example.query, variables: { ...variablesOf(example), ...overrides }, operationName });
    expect(json.errors, `${operationName}: ${JSON.stringify(json.errors)}`).toBeUndefined();
    expect(status).toBe(200);
    return json.data;
  }

  beforeAll(async () => {
    db = await createQuizDatabase();
    api = await startGraphQLServer(db);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.close();
    await db?.drop();
  });

  it('Articles lists every article with its quotations and their speakers', async () => {
    const data = await run(exampleWith('Articles'), 'Articles');
    const count = await db.prisma.article.count();
    expect(data.articles).toHaveLength(count);
    const quotes = data.articles.flatMap((article: { quotes: { speakerName: string | null }[] }) => article.quotes);
    expect(quotes.length).toBe(await db.prisma.quote.count());
    expect(quotes.some((quote: { speakerName: string | null }) => quote.speakerName)).toBe(true);
  });

  it('Article reads the article whose id is pasted, and answers null for the placeholder', async () => {
    const example = exampleWith('Article');
    expect((await run(example, 'Article')).article).toBeNull();
    const article = await db.prisma.article.findFirstOrThrow({ where: { sourceFile: { not: null } } });
    const read = (await run(example, 'Article', { id: article.id })).article;
    expect(read.title).toBe(article.title);
    expect(read.blocks.length).toBeGreaterThan(0);
    expect(read.blocks.map((block: { start: number; end: number }) => article.body.slice(block.start, block.end))).toEqual(
      read.blocks.map((block: { text: string }) => block.text),
    );
  });

  it('QuizQuestions lists every quiz with its questions and choices', async () => {
    const data = await run(exampleWith('QuizQuestions'), 'QuizQuestions');
    expect(data.quizzes).toHaveLength(await db.prisma.quiz.count({ where: { retiredAt: null } }));
    for (const quiz of data.quizzes) {
      expect(quiz.questions).toHaveLength(quiz.questionCount);
      for (const question of quiz.questions) expect(question.choices.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('the game tab plays a whole quiz step by step, and the leaderboard then shows the game and myRank', async () => {
    const game = exampleWith('StartGame');
    const board = exampleWith('Leaderboard');
    const before = (await run(board, 'Leaderboard')).leaderboard;
    expect(before.myRank).toBeNull();

    // Step 1: the quiz id pasted from the QuizQuestions tab.
    const [quiz] = (await run(exampleWith('QuizQuestions'), 'QuizQuestions')).quizzes;
    const started = (await run(game, 'StartGame', { quizId: quiz.id })).startGame;
    expect(started.game.quiz.title).toBe(quiz.title);
    const pasted = { quizId: quiz.id, gameId: started.game.id, playerToken: started.playerToken };

    // Steps 2 and 3, repeated until NextQuestion answers null; always the first choice.
    let answered = 0;
    let score = 0;
    for (;;) {
      const question = (await run(game, 'NextQuestion', pasted)).nextQuestion;
      if (!question) break;
      expect(question.number).toBe(answered + 1);
      const result = (await run(game, 'SubmitAnswer', { ...pasted, questionId: question.id, choiceId: question.choices[0].id })).submitAnswer;
      answered += 1;
      score += result.points;
      expect(result.correct).toBe(result.correctChoice.text === question.choices[0].text);
      expect(result.evidence.sentence.length).toBeGreaterThan(0);
      expect(result.game.answeredCount).toBe(answered);
      expect(answered).toBeLessThanOrEqual(started.game.questionCount);
    }
    expect(answered).toBe(started.game.questionCount);

    // The Leaderboard tab as it stands, then with the game's token pasted.
    const after = (await run(board, 'Leaderboard', { playerToken: started.playerToken })).leaderboard;
    const mine = after.entries.find((entry: { nickname: string }) => entry.nickname === variablesOf(game).nickname);
    expect(mine).toMatchObject({ score, questionCount: started.game.questionCount, quiz: { title: quiz.title } });
    expect(after.myRank).toMatchObject({ rank: mine.rank, score });
    expect((await run(board, 'Leaderboard', { quizId: quiz.id })).leaderboard.quiz.title).toBe(quiz.title);
  });

  it('FollowSession sends the session of the pasted join code at once', async () => {
    const example = exampleWith('FollowSession');
    const quizId = (await db.prisma.quiz.findFirstOrThrow({ where: { retiredAt: null } })).id;
    const { status, json } = await api.post({ query: 'mutation ($quizId: ID!) { createSession(quizId: $quizId) { session { code questionCount } } }', variables: { quizId } });
    expect(status).toBe(200);
    const { code, questionCount } = json.data.createSession.session;
    const client = subscriptionClient(api.wsUrl);
    clients.push(client);
    const live = subscribe<{ state: string; questionCount: number; playerCount: number }>(client, example.query, { ...variablesOf(example), code }, 'sessionUpdated');
    const first = await live.waitFor(() => true);
    expect(live.errors).toEqual([]);
    expect(first).toMatchObject({ state: 'LOBBY', questionCount, playerCount: 0 });
  });
});
