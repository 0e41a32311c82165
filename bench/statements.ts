// BENCH_STATEMENTS=1: where PostgreSQL's time goes, statement by statement
// (pg_stat_statements, loaded by bench-database.ts). Off by default: the
// extension itself costs a little on every statement.
import pg from 'pg';

export const statementsRecorded = (): boolean => Boolean(process.env.BENCH_STATEMENTS);

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

export async function enableStatements(url: string): Promise<void> {
  if (statementsRecorded()) await query(url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
}

export async function resetStatements(url: string): Promise<void> {
  if (statementsRecorded()) await query(url, 'SELECT pg_stat_statements_reset()');
}

/** Prints the statements that took the most time since the last reset, per call. */
export async function printStatements(url: string, title: string): Promise<void> {
  if (!statementsRecorded()) return;
  const rows = await query<{ calls: string; plan_ms: number; exec_ms: number; total_ms: number; statement: string }>(
    url,
    `SELECT calls, round((total_plan_time / calls)::numeric, 3)::float AS plan_ms, round((total_exec_time / calls)::numeric, 3)::float AS exec_ms,
            round((total_plan_time + total_exec_time)::numeric)::float AS total_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS statement
       FROM pg_stat_statements WHERE calls > 100 ORDER BY total_plan_time + total_exec_time DESC LIMIT 8`,
  );
  console.log(`\nstatements, ${title}`);
  console.table(rows);
}
