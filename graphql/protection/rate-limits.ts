// Rate limits on the operations a bot would hammer: joining, starting games,
// answering, hosting and importing articles, per client address and per
// token; and join-code guessing, which is slowed to a crawl. Counters live in
// PostgreSQL (rate-limiter-flexible's store, table `rate_limits`), so they
// hold across every server process on the database. Keys are an address, a
// session code, or the sha256 of a token: never a token itself.
//
// The limits are sized for a school: a whole class shares one public address,
// so per-address limits allow hundreds of students, and per-token limits are
// the tight ones. Answers are the hot path: one counter write each.
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { hashPlayerToken } from '../../lib/games/player-token.ts';
import { normaliseJoinCode } from '../../lib/sessions/join-code.ts';

export interface Limit {
  /** Requests allowed per window. */
  points: number;
  /** The window, in seconds. */
  seconds: number;
  /** Once over the limit, refused for this long (default: until the window ends). */
  blockSeconds?: number;
  /** For the message: "too many <what>". */
  what: string;
}

export const LIMITS = {
  joinPerAddress: { points: 600, seconds: 60, what: 'joins from this network' },
  joinPerSession: { points: 600, seconds: 60, what: 'joins to this session' },
  startPerAddress: { points: 300, seconds: 60, what: 'games started from this network' },
  startPerToken: { points: 10, seconds: 60, what: 'games started by this player' },
  hostPerAddress: { points: 60, seconds: 600, what: 'sessions created from this network' },
  answerPerToken: { points: 60, seconds: 60, what: 'answers from this player' },
  importPerAddress: { points: 20, seconds: 3_600, what: 'article imports from this network' },
  importPerToken: { points: 20, seconds: 3_600, what: 'article imports with this token' },
  /** Lookups of a join code that does not exist: a guesser's signature. */
  codeMissPerAddress: { points: 30, seconds: 600, blockSeconds: 1_800, what: 'unknown join codes from this network' },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

type Args = Record<string, unknown>;
/** Where a limit's key comes from: the client's address, or an argument. */
type KeySource = 'address' | ((args: Args) => string | undefined);

// Tokens are keyed by the hash the database stores for them; codes as stored.
const tokenKey = (name: string) => (args: Args) => (typeof args[name] === 'string' ? hashPlayerToken(args[name]) : undefined);
const codeKey = (args: Args) => (typeof args.code === 'string' ? normaliseJoinCode(args.code) : undefined);

// Answers count per player token only: every token was minted by startGame
// or joinSession, which count per address, and a per-address count of answers
// would cost every answer of a classroom a second write for nothing.
const answering: [LimitName, KeySource][] = [['answerPerToken', tokenKey('playerToken')]];

/** Which limits each root field consumes, one point each. */
export const FIELD_LIMITS: Record<string, [LimitName, KeySource][]> = {
  'Mutation.joinSession': [
    ['joinPerAddress', 'address'],
    ['joinPerSession', codeKey],
  ],
  'Mutation.startGame': [
    ['startPerAddress', 'address'],
    ['startPerToken', tokenKey('playerToken')],
  ],
  'Mutation.createSession': [['hostPerAddress', 'address']],
  'Mutation.submitAnswer': answering,
  'Mutation.expireQuestion': answering,
  'Mutation.answerSessionQuestion': answering,
  'Mutation.importArticle': [
    ['importPerAddress', 'address'],
    ['importPerToken', (args) => tokenKey('hostToken')(args) ?? tokenKey('adminToken')(args)],
  ],
};

/** Root fields that look a session up by its join code; an unknown code counts against the address. */
export const CODE_LOOKUP_FIELDS = new Set(['Mutation.joinSession', 'Query.session', 'Subscription.sessionUpdated']);

export function rateLimitedError(limit: Limit, msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(`Too many ${limit.what}; try again in ${seconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      // Apollo Server turns this into the HTTP status and header, and does not send it.
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  });
}

export class RateLimits {
  private readonly limiters: Record<LimitName, RateLimiterPostgres>;

  constructor(pool: pg.Pool) {
    const names = Object.keys(LIMITS) as LimitName[];
    this.limiters = Object.fromEntries(
      names.map((name, index) => {
        const limit: Limit = LIMITS[name];
        const limiter = new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          tableName: 'rate_limits',
          // The table comes from a migration (prisma/migrations/*_rate_limits).
          tableCreated: true,
          keyPrefix: name,
          points: limit.points,
          duration: limit.seconds,
          blockDuration: limit.blockSeconds ?? 0,
          // Expired rows are deleted every 5 minutes; one limiter doing it is enough (the table is shared).
          clearExpiredByTimeout: index === 0,
        });
        return [name, limiter];
      }),
    ) as Record<LimitName, RateLimiterPostgres>;
  }

  /** Takes one point from every limit of this field; throws RATE_LIMITED when any is spent. */
  async consume(field: string, args: Args, address: string): Promise<void> {
    const limits = FIELD_LIMITS[field];
    if (!limits) return;
    const keyed = limits.flatMap(([name, source]) => {
      const key = source === 'address' ? address : source(args);
      return key ? [{ name, key }] : [];
    });
    await this.consumeAll(keyed);
  }

  /** Before a code lookup: refused while this address is blocked for guessing. */
  async assertMayLookUpCode(address: string): Promise<void> {
    const limit = LIMITS.codeMissPerAddress;
    const state = await this.limiters.codeMissPerAddress.get(address);
    if (state && state.consumedPoints > limit.points) throw rateLimitedError(limit, state.msBeforeNext);
  }

  /** After a lookup of a code that does not exist. */
  async recordCodeMiss(address: string): Promise<void> {
    await this.consumeAll([{ name: 'codeMissPerAddress', key: address }]);
  }

  private async consumeAll(keyed: { name: LimitName; key: string }[]): Promise<void> {
    const results = await Promise.allSettled(keyed.map(({ name, key }) => this.limiters[name].consume(key)));
    let refused: { limit: Limit; ms: number } | undefined;
    for (const [index, result] of results.entries()) {
      if (result.status === 'fulfilled') continue;
      // The store failing (the database away) is an error, not a refusal.
      if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
      const limit: Limit = LIMITS[keyed[index]!.name];
      if (!refused || result.reason.msBeforeNext > refused.ms) refused = { limit, ms: result.reason.msBeforeNext };
    }
    if (refused) throw rateLimitedError(refused.limit, refused.ms);
  }
}
