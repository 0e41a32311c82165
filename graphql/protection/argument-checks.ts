// Checks on the arguments of every root field, by argument name, before a
// resolver runs: ids, tokens and codes have a shape, and nothing is longer
// than it can legitimately be. The rules behind them (nicknames, settings,
// article text) stay in lib/; this only keeps garbage and giant strings out,
// with a message that names the argument.
import { z } from 'zod';
import { MAX_ARTICLE_CHARS } from '../../lib/articles/parse-article-file.ts';
import { ID_CHARACTERS, ID_MAX_LENGTH } from '../../lib/db/ids.ts';

/** Ids are cuids; a choice id is "<question id>:<index>". */
const id = z.string().min(1, 'must not be empty').max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`).regex(ID_CHARACTERS, 'is not a valid id');
const choiceId = z.string().max(72, 'must be at most 72 characters').regex(/^[A-Za-z0-9_-]+:\d{1,2}$/, 'is not a valid choice id (it looks like "<question id>:<number>")');
/** Tokens the server handed out are 32 URL-safe characters; longer ones cannot be ours. */
const token = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters').regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const text = (max: number) => z.string().max(max, `must be at most ${max.toLocaleString('en-US')} characters`);

export const ARGUMENT_CHECKS: Record<string, z.ZodType> = {
  id,
  quizId: id,
  articleId: id,
  gameId: id,
  questionId: id,
  sessionId: id,
  playerId: id,
  choiceId,
  playerToken: token,
  hostToken: token,
  adminToken: token,
  // Spaces and dashes are allowed in a typed code; lib/sessions checks the rest.
  code: text(16),
  nickname: text(100),
  after: text(200),
  text: text(MAX_ARTICLE_CHARS),
  title: text(300),
  outlet: text(200),
  url: text(2_000),
};

/** The first problem with these arguments, as "name: problem", or undefined. */
export function argumentProblem(args: Record<string, unknown>): { argument: string; message: string } | undefined {
  for (const [name, value] of Object.entries(args)) {
    // PostgreSQL text cannot hold a NUL character, and no real input has one.
    if (typeof value === 'string' && value.includes('\u0000')) return { argument: name, message: `${name} must not contain a NUL character` };
    const check = ARGUMENT_CHECKS[name];
    if (!check || value === null || value === undefined) continue;
    const result = check.safeParse(value);
    if (!result.success) return { argument: name, message: `${name} ${result.error.issues[0]?.message ?? 'is not valid'}` };
  }
  return undefined;
}
