// Injection strings (SQL, NoSQL, markup, templates, paths, control and
// direction characters, very long and astral Unicode) in every String and ID
// argument of every root field, the other arguments filled with real values
// so each string reaches as far into the server as it can. Every answer is
// data or a refusal with a domain code: never an internal error, never SQL, a
// stack or a path; nothing is interpreted (the seed articles and quizzes are
// untouched, accepted nicknames and imported texts are stored verbatim), and
// the server stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { LIMITS } from '../../graphql/protection/rate-limits.ts';
import {
  callField,
  changedTables,
  expectNoLeak,
  expectServerUp,
  fingerprint,
  freshAddress,
  gql,
  leaksIn,
  REFUSAL_CODES,
  rootFields,
  startTarget,
  type Fingerprint,
  type RootField,
  type Target,
} from './helpers.ts';
import { startApiProcess } from '../helpers/api-process.ts';
import { hostSession, playGame, type HostedSession, type PlayedGame } from './fixtures.ts';

/** Strings an attacker tries. Each must come back as data or a refusal, never run as code or query. */
const PAYLOADS: [string, string][] = [
  ['SQL: drop a table', "'; DROP TABLE articles; --"],
  ['SQL: short drop (fits a nickname)', "';DROP TABLE games--"],
  ['SQL: tautology', "' OR '1'='1"],
  ['SQL: stacked sleep', '1; SELECT pg_sleep(5)'],
  ['SQL: union', "x' UNION SELECT token_hash FROM players --"],
  ['NoSQL operator', '{"$gt":""}'],
  ['markup', '<script>alert(1)</script>'],
  ['template (handlebars)', '{{7*7}}'],
  ['template (JavaScript)', '${7*7}'],
  ['path traversal', '../../etc/passwd'],
  ['null byte alone', '\u0000'],
  ['null byte inside', 'ACD\u0000EF'],
  ['control characters and CRLF', 'a\r\nX-Injected: 1\u0007'],
  ['right-to-left override', '\u202Eevil\u202C'],
  ['emoji with joiners and modifiers', '😀👍🏽👨‍👩‍👧'],
  ['very long astral Unicode', '𝕏'.repeat(5_000)],
  ['very long combining marks', `Z${'\u0301'.repeat(10_000)}`],
  ['prototype keys', '__proto__'],
];

/** Forged leaderboard cursors (base64url JSON of the shape the API hands out), for `after`. */
const cursor = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify({ score: 1, finishedAt: '2025-01-01T00:00:00.000Z', id: 'x', rank: 0, board: '', period: 'ALL_TIME', ...fields })).toString('base64url');
const CURSOR_PAYLOADS: [string, string][] = [
  ['cursor: SQL in its id', cursor({ id: "x' OR 1=1 --" })],
  ['cursor: null byte in its id', cursor({ id: '\u0000' })],
  ['cursor: a date PostgreSQL cannot store', cursor({ finishedAt: '-271821-04-20T00:00:00.000Z' })],
  ['cursor: a score beyond any integer column', cursor({ score: 9_007_199_254_740_991 })],
  ['cursor: a huge rank', cursor({ rank: 2_147_483_647 })],
];

interface World {
  quizId: string;
  articleId: string;
  /** A game per field that plays, so no field spends another's per-token limit. */
  games: Record<string, PlayedGame>;
  session: HostedSession;
  answeringSession: HostedSession;
}

/** Real values for every argument of every root field that takes a string: the injection replaces one of them. */
const PLAUSIBLE: Record<string, (w: World) => Record<string, unknown>> = {
  'Query.article': (w) => ({ id: w.articleId }),
  'Query.quizzes': (w) => ({ articleId: w.articleId }),
  'Query.quiz': (w) => ({ id: w.quizId }),
  'Query.game': (w) => ({ id: w.games.query!.gameId }),
  'Query.nextQuestion': (w) => ({ gameId: w.games.query!.gameId, playerToken: w.games.query!.playerToken }),
  // The global board, so a forged cursor (board '') gets past the board check to the query.
  'Query.leaderboard': () => ({}),
  'Query.session': (w) => ({ code: w.session.code }),
  'Query.sessionReport': (w) => ({ sessionId: w.session.sessionId, hostToken: w.session.hostToken }),
  'Mutation.importArticle': () => ({ text: 'A plain article.' }),
  'Mutation.startGame': (w) => ({ quizId: w.quizId, nickname: 'Nina' }),
  'Mutation.nextQuestion': (w) => ({ gameId: w.games.next!.gameId, playerToken: w.games.next!.playerToken }),
  'Mutation.expireQuestion': (w) => ({ gameId: w.games.expire!.gameId, questionId: w.games.expire!.questionId, playerToken: w.games.expire!.playerToken }),
  'Mutation.submitAnswer': (w) => ({
    gameId: w.games.submit!.gameId,
    questionId: w.games.submit!.questionId,
    choiceId: w.games.submit!.choiceIds[0],
    playerToken: w.games.submit!.playerToken,
  }),
  'Mutation.createSession': (w) => ({ quizId: w.quizId }),
  'Mutation.joinSession': (w) => ({ code: w.session.code, nickname: 'Nina' }),
  'Mutation.moveSession': (w) => ({ sessionId: w.session.sessionId, hostToken: w.session.hostToken, action: 'CLOSE_QUESTION' }),
  'Mutation.lockSession': (w) => ({ sessionId: w.session.sessionId, hostToken: w.session.hostToken, locked: true }),
  'Mutation.removePlayer': (w) => ({ sessionId: w.session.sessionId, hostToken: w.session.hostToken, playerId: w.session.players[0]!.id }),
  'Mutation.answerSessionQuestion': (w) => ({
    sessionId: w.answeringSession.sessionId,
    questionId: w.answeringSession.questionId,
    choiceId: w.answeringSession.choiceIds![0],
    playerToken: w.answeringSession.players[0]!.playerToken,
  }),
  'Subscription.sessionUpdated': (w) => ({ code: w.session.code }),
};

/** Injections into these arguments, with a real token, are tested below as imports (they store data by design). */
const IMPORT_CONTENT = ['text', 'title', 'outlet', 'url'];

/** What an accepted injection may change: a new player and game (startGame), a new student (joinSession, which also bumps the session's version). */
const WRITES_OF_ACCEPTED = ['class_sessions', 'games', 'players', 'session_players'];

let target: Target;
let fields: RootField[];
let world: World;

const stringArgs = (field: RootField) => field.args.filter((arg) => arg.named === 'String' || arg.named === 'ID');

/** The JSON spelling of a payload, as it would be echoed in a message (to tell an echo from a leak). */
const echoes = (payload: string) => [JSON.stringify(payload).slice(1, -1), payload];

/** What is wrong with one answer to an injection, if anything. */
function problemsOf(reply: { code: string | undefined; errors: { message: string; extensions?: { code?: string } }[]; text: string }, payload: string, ms: number): string[] {
  const problems: string[] = [];
  for (const error of reply.errors) {
    const code = error.extensions?.code;
    if (!code || !REFUSAL_CODES.includes(code)) problems.push(`code ${code}: ${error.message.slice(0, 120)}`);
  }
  let text = reply.text;
  for (const echo of echoes(payload)) text = text.split(echo).join('');
  const leaks = leaksIn(text);
  if (leaks.length) problems.push(`leaks ${leaks.join(', ')}: ${text.slice(0, 200)}`);
  if (ms > 4_000) problems.push(`took ${ms} ms`);
  return problems;
}

beforeAll(async () => {
  target = await startTarget();
  const { api, db } = target;
  fields = await rootFields(api);
  const quizId = db.storyQuizId;
  const articleId = (await db.prisma.article.findFirstOrThrow()).id;
  const games: Record<string, PlayedGame> = {};
  for (const name of ['query', 'next', 'expire', 'submit']) games[name] = await playGame(api, quizId, `Player${name}`);
  world = {
    quizId,
    articleId,
    games,
    session: await hostSession(api, quizId, ['Cal'], false),
    answeringSession: await hostSession(api, quizId, ['Dot']),
  };
});
afterAll(async () => {
  await target?.close();
});

describe('injection strings in every String and ID argument', () => {
  let before: Fingerprint;
  const playersBefore = new Set<string>();

  beforeAll(async () => {
    before = await fingerprint(target.db);
    for (const player of await target.db.prisma.player.findMany({ select: { id: true } })) playersBefore.add(player.id);
  });

  it('has plausible values for every root field that takes a string', () => {
    const needed = fields.filter((f) => stringArgs(f).length > 0).map((f) => f.key);
    expect(needed.filter((key) => !(key in PLAUSIBLE)), 'add a row to PLAUSIBLE').toEqual([]);
    // The answering fields spend one point of the real token per injection into their other arguments.
    expect(PAYLOADS.length * 3).toBeLessThan(LIMITS.answerPerToken.points);
  });

  it('answers each with data or a domain refusal, leaking nothing, never running it', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const field of fields) {
      for (const arg of stringArgs(field)) {
        if (field.key === 'Mutation.importArticle' && IMPORT_CONTENT.includes(arg.name)) continue;
        const payloads = arg.name === 'after' ? [...PAYLOADS, ...CURSOR_PAYLOADS] : PAYLOADS;
        // One address per argument: a code lookup that misses counts against its address.
        const address = freshAddress();
        for (const [name, payload] of payloads) {
          const started = Date.now();
          const reply = await callField(target.api, field, { ...PLAUSIBLE[field.key]!(world), [arg.name]: payload }, address);
          sent += 1;
          for (const problem of problemsOf(reply, payload, Date.now() - started)) problems.push(`${field.key}(${arg.name}) ← ${name}: ${problem}`);
        }
      }
    }
    // A non-root argument that takes a token, for good measure.
    for (const [name, payload] of PAYLOADS) {
      const started = Date.now();
      const reply = await gql(target.api, 'query ($t: String!) { leaderboard { myRank(playerToken: $t) { rank } } }', { t: payload });
      sent += 1;
      for (const problem of problemsOf(reply, payload, Date.now() - started)) problems.push(`LeaderboardPage.myRank(playerToken) ← ${name}: ${problem}`);
    }
    expect(sent).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it('changed no table but by accepting a nickname, stored verbatim (after the nickname rules)', async () => {
    const after = await fingerprint(target.db);
    const changed = changedTables(before, after);
    expect(changed.filter((table) => !WRITES_OF_ACCEPTED.includes(table)), 'tables an injection must not touch').toEqual([]);
    // The seed articles and quizzes are all there (no DROP, no UPDATE ran).
    for (const table of ['articles', 'quizzes', 'questions', 'quotes']) expect(after[table], table).toEqual(before[table]);
    const normalised = new Set(PAYLOADS.map(([, payload]) => payload.normalize('NFC').replace(/\s+/g, ' ').trim()));
    normalised.add('Nina');
    const players = await target.db.prisma.player.findMany({ select: { id: true, nickname: true } });
    const newNicknames = players.filter((player) => !playersBefore.has(player.id)).map((player) => player.nickname);
    expect(newNicknames.length, 'some injection strings are fine nicknames').toBeGreaterThan(0);
    expect(newNicknames.filter((nickname) => !normalised.has(nickname))).toEqual([]);
    expect(newNicknames).toContain("' OR '1'='1");
    const students = await target.db.prisma.sessionPlayer.findMany({ where: { sessionId: world.session.sessionId }, select: { nickname: true } });
    expect(students.map((s) => s.nickname)).toContain("';DROP TABLE games--");
    expect(students.map((s) => s.nickname).filter((nickname) => nickname !== 'Cal' && !normalised.has(nickname))).toEqual([]);
  });

  it('the server is up', async () => {
    await expectServerUp(target.api);
  });
});

describe('injection strings in an imported article', () => {
  async function seedArticlesHash(): Promise<string> {
    const client = new pg.Client({ connectionString: target.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ md5: string }>(`SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) AS md5 FROM articles a WHERE source_file NOT LIKE 'imported:%'`);
      return rows[0]!.md5;
    } finally {
      await client.end();
    }
  }

  it('stores each accepted one verbatim as data, refuses the rest with BAD_USER_INPUT, and leaves the seed articles alone', async () => {
    const { api, db } = target;
    const seeds = await seedArticlesHash();
    const field = fields.find((f) => f.key === 'Mutation.importArticle')!;
    const problems: string[] = [];
    let imported = 0;
    for (const arg of IMPORT_CONTENT) {
      // A host token per argument: imports are limited per token.
      const { hostToken } = await hostSession(api, world.quizId, [], false);
      for (const [name, payload] of PAYLOADS) {
        const values = { text: 'An article about nothing in particular. It has two sentences.', hostToken, [arg]: payload };
        const started = Date.now();
        const reply = await callField(api, field, values, freshAddress(), 'created article { title outlet url body }');
        const where = `importArticle(${arg}) ← ${name}`;
        for (const problem of problemsOf(reply, payload, Date.now() - started)) problems.push(`${where}: ${problem}`);
        if (reply.errors.length === 0) {
          imported += 1;
          const article = reply.data.importArticle.article;
          const stored = arg === 'text' ? article.body : article[arg];
          if (stored !== (arg === 'text' ? payload : payload.trim())) problems.push(`${where}: stored as ${JSON.stringify(stored).slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(imported, 'some injection strings are fine article texts and titles').toBeGreaterThan(5);
    expect(await seedArticlesHash()).toBe(seeds);
    expect(await db.prisma.article.count()).toBeGreaterThan(imported);
  });

  it('keeps answering other requests while it analyses a pathological text of the largest allowed size', async () => {
    // In a server process of its own: in this process, a blocked event loop would stall the test's own requests too.
    const server = await startApiProcess(target.db.url);
    try {
      const post = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query, variables }) });
        return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
      };
      const hosted = await post('mutation ($q: ID!) { createSession(quizId: $q) { hostToken } }', { q: world.quizId });
      const hostToken = hosted.data.createSession.hostToken as string;
      // A title over and over: 100,000 characters, no sentence the analysis can finish early.
      const text = 'Mr. '.repeat(25_000);
      const started = Date.now();
      const importing = post('mutation ($t: String!, $h: String) { importArticle(text: $t, hostToken: $h) { created } }', { t: text, h: hostToken });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pinged = Date.now();
      const ping = await post('{ __typename }');
      const pingMs = Date.now() - pinged;
      const imported = await importing;
      const importMs = Date.now() - started;
      console.log(`pathological import: ${importMs} ms; { __typename } sent during it answered in ${pingMs} ms`);
      expect(ping.data).toEqual({ __typename: 'Query' });
      expect(imported.errors?.[0]?.extensions?.code ?? 'ok').not.toBe('INTERNAL_SERVER_ERROR');
      expect(pingMs, 'a request waiting behind an import').toBeLessThan(2_000);
    } finally {
      await server.stop();
    }
  });
});
