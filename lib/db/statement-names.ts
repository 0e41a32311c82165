// Names for Prisma's SQL statements, so that node-postgres prepares each one
// once per connection and PostgreSQL keeps its plan (the adapter's
// `statementNameGenerator`). Unnamed, every statement is parsed and planned
// on every call: for an answer that was 0.4 ms of the database's 1 ms of CPU
// (bench/answer-path.ts with BENCH_STATEMENTS=1).
//
// A prepared statement lives as long as its connection, on both sides, so
// the number of names is capped: a statement first seen after the cap (a
// query shape built from data, such as a list of unusual length) runs
// unnamed, exactly as it would without this.
import { createHash } from 'node:crypto';

/**
 * Distinct statements a process names. The app has under two hundred query
 * shapes; Prisma writes a list (`id IN (…)`) as one parameter per item, so
 * each length of list is a shape of its own.
 */
export const MAX_NAMED_STATEMENTS = 500;

/** Returns the name for a statement's SQL, or '' (unnamed, node-postgres's default) once the cap is reached. */
export function createStatementNames(max = MAX_NAMED_STATEMENTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= max) return '';
      name = `q${createHash('sha1').update(sql).digest('base64url')}`;
      names.set(sql, name);
    }
    return name;
  };
}
