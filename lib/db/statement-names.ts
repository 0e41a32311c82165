// Names for Prisma's SQL statements, so that node-postgres prepares each one
// once per connection and PostgreSQL keeps its plan (the adapter's
// `statementNameGenerator`). Unnamed, every statement is parsed and planned
// on every call: for an answer that was 0.4 ms of the database's 1 ms of CPU
// (bench/answer-path.ts with BENCH_STATEMENTS=1).
//
// A prepared statement lives as long as its connection, on both sides, so
// only the app's query shapes are named. A statement whose shape comes from
// data runs unnamed, as it would without this: a list (`id IN ($1,$2,…)`,
// one parameter per item), a write of several rows (`VALUES (…), (…)`), or
// anything with many parameters. The number of names is capped too.
import { createHash } from 'node:crypto';

/** Distinct statements a process names; the app has under two hundred query shapes. */
export const MAX_NAMED_STATEMENTS = 500;
/** Statements with more parameters than this are not named (the answer's write has 21). */
export const MAX_NAMED_PARAMETERS = 48;

/** A list of parameters (`IN ($1`), or a second row of values (`), ($7`). */
const SHAPED_BY_DATA = /\bIN\s*\(\s*\$\d|\)\s*,\s*\(\s*\$\d/i;

/** Returns the name for a statement, or '' (unnamed, node-postgres's default). */
export function createStatementNames(max = MAX_NAMED_STATEMENTS): (query: { sql: string; args: readonly unknown[] }) => string {
  const names = new Map<string, string>();
  return ({ sql, args }) => {
    let name = names.get(sql);
    if (name !== undefined) return name;
    if (names.size >= max || args.length > MAX_NAMED_PARAMETERS || SHAPED_BY_DATA.test(sql)) return '';
    name = `q${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
    return name;
  };
}
