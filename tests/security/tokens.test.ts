// Every mutation, and every query or subscription that takes a secret, called
// with its token missing, made up, or belonging to someone else: a missing
// required token is a validation error, a wrong one FORBIDDEN, and nothing
// changes. The table below says how to call each field; the list of fields
// comes from introspection, so a new mutation (or a new token argument)
// without a row here fails the suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callField, expectNoDataChange, expectNoLeak, expectServerUp, fingerprint, freshAddress, gql, rootFields, startTarget, type Fingerprint, type RootField, type Target } from './helpers.ts';
import { hostSession, madeUpToken, playGame, type HostedSession, type PlayedGame } from './fixtures.ts';

const ADMIN_TOKEN = 'admin-token-of-this-test-server-0123456789';

interface World {
  quizId: string;
  gameA: PlayedGame;
  gameB: PlayedGame;
  /** Two students, a question open. */
  sessionA: HostedSession;
  sessionB: HostedSession;
}

type Values = Record<string, unknown>;
interface Impostor {
  label: string;
  token: string;
}

/** A row for a field that checks a secret. */
interface Guarded {
  kind: 'guarded';
  /** Its arguments that carry a secret (checked against introspection). */
  tokens: string[];
  /** The arguments of a call that the right token would make succeed. */
  valid: (w: World) => Values;
  /** Calls with someone else's secret, or none: each must be FORBIDDEN. */
  wrong: (w: World) => { label: string; values: Values }[];
}

/** A row for a mutation that takes no secret, with why that is safe and where its abuse is tested. */
interface Open {
  kind: 'open';
  why: string;
}

const madeUp = madeUpToken();

/** Tokens that are not this game's player's. */
const notTheGamePlayer = (w: World): Impostor[] => [
  { label: 'a made-up token', token: madeUp },
  { label: "another game's player token", token: w.gameB.playerToken },
  { label: "a classroom student's token", token: w.sessionA.players[0]!.playerToken },
  { label: 'a host token', token: w.sessionA.hostToken },
];

/** Tokens that are not session A's host's. */
const notTheHost = (w: World): Impostor[] => [
  { label: 'a made-up token', token: madeUp },
  { label: "another session's host token", token: w.sessionB.hostToken },
  { label: "a student's token of this session", token: w.sessionA.players[0]!.playerToken },
  { label: "a game player's token", token: w.gameA.playerToken },
];

/** Tokens that are not a student's of session A. */
const notAStudentHere = (w: World): Impostor[] => [
  { label: 'a made-up token', token: madeUp },
  { label: "a student's token of another session", token: w.sessionB.players[0]!.playerToken },
  { label: "this session's host token", token: w.sessionA.hostToken },
  { label: "a game player's token", token: w.gameA.playerToken },
];

const replacing = (valid: Values, argument: string, impostors: Impostor[]) =>
  impostors.map(({ label, token }) => ({ label: `${argument}: ${label}`, values: { ...valid, [argument]: token } }));

const gameMove = (extra: (w: World) => Values): Guarded => ({
  kind: 'guarded',
  tokens: ['playerToken'],
  valid: (w) => ({ gameId: w.gameA.gameId, playerToken: w.gameA.playerToken, ...extra(w) }),
  wrong: (w) => replacing({ gameId: w.gameA.gameId, playerToken: w.gameA.playerToken, ...extra(w) }, 'playerToken', notTheGamePlayer(w)),
});

const hostMove = (extra: (w: World) => Values): Guarded => ({
  kind: 'guarded',
  tokens: ['hostToken'],
  valid: (w) => ({ sessionId: w.sessionA.sessionId, hostToken: w.sessionA.hostToken, ...extra(w) }),
  wrong: (w) => replacing({ sessionId: w.sessionA.sessionId, hostToken: w.sessionA.hostToken, ...extra(w) }, 'hostToken', notTheHost(w)),
});

const sessionViewer: Guarded = {
  kind: 'guarded',
  tokens: ['hostToken', 'playerToken'],
  valid: (w) => ({ code: w.sessionA.code, hostToken: w.sessionA.hostToken }),
  // A wrong player token is not an error (the public view, without `me`; tested below); a wrong host token is.
  wrong: (w) => replacing({ code: w.sessionA.code }, 'hostToken', notTheHost(w)),
};

/** How to call every field that must be protected by a token, or why a mutation needs none. */
const TABLE: Record<string, Guarded | Open> = {
  'Query.nextQuestion': gameMove(() => ({})),
  'Mutation.nextQuestion': gameMove(() => ({})),
  'Mutation.submitAnswer': gameMove((w) => ({ questionId: w.gameA.questionId, choiceId: w.gameA.choiceIds[0] })),
  'Mutation.expireQuestion': gameMove((w) => ({ questionId: w.gameA.questionId })),
  'Mutation.moveSession': hostMove(() => ({ action: 'CLOSE_QUESTION' })),
  'Mutation.lockSession': hostMove(() => ({ locked: true })),
  'Mutation.removePlayer': hostMove((w) => ({ playerId: w.sessionA.players[0]!.id })),
  'Query.sessionReport': hostMove(() => ({})),
  'Mutation.answerSessionQuestion': {
    kind: 'guarded',
    tokens: ['playerToken'],
    valid: (w) => ({ sessionId: w.sessionA.sessionId, questionId: w.sessionA.questionId, choiceId: w.sessionA.choiceIds![0], playerToken: w.sessionA.players[0]!.playerToken }),
    wrong: (w) =>
      replacing(
        { sessionId: w.sessionA.sessionId, questionId: w.sessionA.questionId, choiceId: w.sessionA.choiceIds![0], playerToken: w.sessionA.players[0]!.playerToken },
        'playerToken',
        notAStudentHere(w),
      ),
  },
  'Query.session': sessionViewer,
  'Subscription.sessionUpdated': sessionViewer,
  'Mutation.importArticle': {
    kind: 'guarded',
    tokens: ['hostToken', 'adminToken'],
    valid: (w) => ({ text: 'A short article. "It is fine," said Jane Doe.', hostToken: w.sessionA.hostToken }),
    wrong: (w) => [
      { label: 'no token at all', values: { text: 'A short article.' } },
      { label: 'hostToken: a made-up token', values: { text: 'A short article.', hostToken: madeUp } },
      { label: "hostToken: a student's token", values: { text: 'A short article.', hostToken: w.sessionA.players[0]!.playerToken } },
      { label: "hostToken: a game player's token", values: { text: 'A short article.', hostToken: w.gameA.playerToken } },
      { label: 'adminToken: a made-up token', values: { text: 'A short article.', adminToken: madeUp } },
      { label: 'adminToken: a host token', values: { text: 'A short article.', adminToken: w.sessionA.hostToken } },
      { label: 'adminToken: the admin token with a different case', values: { text: 'A short article.', adminToken: ADMIN_TOKEN.toUpperCase() } },
      { label: 'adminToken: a prefix of the admin token', values: { text: 'A short article.', adminToken: ADMIN_TOKEN.slice(0, -1) } },
      // A valid host token does not rescue a wrong admin token: the admin token, once given, is the one checked.
      { label: 'adminToken wrong, hostToken right', values: { text: 'A short article.', adminToken: madeUp, hostToken: w.sessionA.hostToken } },
    ],
  },
  'Mutation.startGame': {
    kind: 'open',
    why: 'anyone may start a game; `playerToken` only picks the returning player (a made-up one is never adopted: tested below); limited per token and address (rate-limits.test.ts)',
  },
  'Mutation.createSession': { kind: 'open', why: 'anyone may host a class; limited per address (rate-limits.test.ts)' },
  'Mutation.joinSession': { kind: 'open', why: 'the join code is the credential; guessing it is limited (join-guessing.test.ts)' },
};

let target: Target;
let fields: RootField[];
let world: World;
let before: Fingerprint;

const field = (key: string): RootField => {
  const found = fields.find((f) => f.key === key);
  if (!found) throw new Error(`${key} is in the token table but not in the schema`);
  return found;
};

beforeAll(async () => {
  target = await startTarget({ adminToken: ADMIN_TOKEN });
  const { api, db } = target;
  fields = await rootFields(api);
  const quizId = db.storyQuizId;
  world = {
    quizId,
    gameA: await playGame(api, quizId, 'Ada'),
    gameB: await playGame(api, quizId, 'Bea'),
    sessionA: await hostSession(api, quizId, ['Cal', 'Dot']),
    sessionB: await hostSession(api, quizId, ['Eli']),
  };
  before = await fingerprint(db);
});

afterAll(async () => {
  await target?.close();
});

describe('the token table', () => {
  it('has a row for every mutation and every root field that takes a token, and no stale rows', () => {
    const tokenArgs = (f: RootField) => f.args.filter((arg) => /token/i.test(arg.name)).map((arg) => arg.name);
    const needed = fields.filter((f) => f.root === 'Mutation' || tokenArgs(f).length > 0).map((f) => f.key);
    expect(needed.length).toBeGreaterThan(10);
    expect(Object.keys(TABLE).sort()).toEqual(expect.arrayContaining(needed));
    expect(needed.filter((key) => !(key in TABLE)), 'fields without a row in the token table').toEqual([]);
    for (const key of Object.keys(TABLE)) field(key);
    // Each guarded row names exactly the field's token arguments.
    for (const [key, row] of Object.entries(TABLE)) {
      if (row.kind === 'guarded') expect(row.tokens.sort(), key).toEqual(tokenArgs(field(key)).sort());
    }
  });
});

describe.each(Object.entries(TABLE).filter((entry): entry is [string, Guarded] => entry[1].kind === 'guarded'))('%s', (key, row) => {
  it('without a required token: a validation error naming the argument; null or empty: BAD_USER_INPUT', async () => {
    const f = field(key);
    const required = f.args.filter((arg) => row.tokens.includes(arg.name) && arg.required);
    for (const arg of required) {
      const valid = row.valid(world);
      const missing = await callField(target.api, f, { ...valid, [arg.name]: undefined });
      if (f.root !== 'Subscription') expect(missing.status).toBe(400);
      expect(missing.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(missing.errors[0]!.message).toContain(`argument "${arg.name}" of type "String!" is required`);
      const nulled = await callField(target.api, f, { ...valid, [arg.name]: null });
      expect(nulled.code).toBe('BAD_USER_INPUT');
      expect(nulled.errors[0]!.message).toMatch(new RegExp(`"\\$${arg.name}" of (non-null|required) type "String!"`));
    }
    for (const name of row.tokens) {
      const empty = await callField(target.api, f, { ...row.valid(world), [name]: '' });
      expect(empty.code).toBe('BAD_USER_INPUT');
      expect(empty.errors[0]!.extensions?.argumentName).toBe(name);
    }
  });

  it('with a made-up token or someone else’s: FORBIDDEN, leaking nothing', async () => {
    const f = field(key);
    const attempts = row.wrong(world);
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    for (const { label, values } of attempts) {
      const reply = await callField(target.api, f, values);
      expect(reply.code, `${key} with ${label}: ${reply.text.slice(0, 300)}`).toBe('FORBIDDEN');
      expect(reply.data?.[f.name] ?? null, label).toBeNull();
      expectNoLeak(reply, `${key} with ${label}`);
    }
  });
});

describe('tokens: the cases that are not FORBIDDEN, and why', () => {
  const VIEW = 'id code state host { answerCount players { id nickname } } me { id nickname }';

  it('session and sessionUpdated without a token, or with a player token that is not of this session, give only the public view', async () => {
    const { api } = target;
    for (const key of ['Query.session', 'Subscription.sessionUpdated']) {
      const f = field(key);
      for (const playerToken of [undefined, madeUp, world.sessionB.players[0]!.playerToken, world.gameA.playerToken, world.sessionA.hostToken]) {
        const reply = await callField(api, f, { code: world.sessionA.code, playerToken }, freshAddress(), VIEW);
        expect(reply.errors, key).toEqual([]);
        expect(reply.data[f.name]).toMatchObject({ code: world.sessionA.code, host: null, me: null });
      }
      // The right player token shows that student, and only them.
      const own = await callField(api, f, { code: world.sessionA.code, playerToken: world.sessionA.players[1]!.playerToken }, freshAddress(), VIEW);
      expect(own.data[f.name]).toMatchObject({ host: null, me: { nickname: 'Dot' } });
    }
  });

  it('a host may not remove a student of another session, even naming their own session', async () => {
    const reply = await gql(target.api, `mutation ($s: ID!, $t: String!, $p: ID!) { removePlayer(sessionId: $s, hostToken: $t, playerId: $p) { id } }`, {
      s: world.sessionA.sessionId,
      t: world.sessionA.hostToken,
      p: world.sessionB.players[0]!.id,
    });
    expect(reply.code).toBe('NOT_FOUND');
    expectNoLeak(reply);
  });

  it('a student may not answer another session’s question with their own session id', async () => {
    const reply = await gql(
      target.api,
      `mutation ($s: ID!, $q: ID!, $c: ID!, $t: String!) { answerSessionQuestion(sessionId: $s, questionId: $q, choiceId: $c, playerToken: $t) { questionId } }`,
      { s: world.sessionB.sessionId, q: world.sessionB.questionId, c: world.sessionB.choiceIds![0], t: world.sessionA.players[0]!.playerToken },
    );
    expect(reply.code).toBe('FORBIDDEN');
  });

  it('the refusals above changed nothing, and the server is up', async () => {
    await expectNoDataChange(target.db, before);
    await expectServerUp(target.api);
  });

  it('startGame never adopts a made-up token: the player gets a new identity and a new token', async () => {
    const { api, db } = target;
    const playersBefore = await db.prisma.player.count();
    const reply = await gql(api, `mutation ($q: ID!, $t: String) { startGame(quizId: $q, nickname: "Fay", playerToken: $t) { playerToken game { id } } }`, { q: world.quizId, t: madeUp });
    expect(reply.errors).toEqual([]);
    expect(reply.data.startGame.playerToken).not.toBe(madeUp);
    expect(await db.prisma.player.count()).toBe(playersBefore + 1);
    // Nothing in the database is keyed by the made-up token.
    const { hashPlayerToken } = await import('../../lib/games/player-token.ts');
    expect(await db.prisma.player.findUnique({ where: { tokenHash: hashPlayerToken(madeUp) } })).toBeNull();
  });
});
