// The small connection pool the rate limits count on. Separate from Prisma's
// pool so a burst of counting never waits behind game queries, and with
// synchronous_commit off: a counter lost in a crash is harmless, and not
// waiting for the WAL flush keeps each count to one quick round trip.
import pg from 'pg';
import { withLibpqSslModes } from '../config/env.ts';
import { CONNECTION_TIMEOUT_MS } from './prisma.ts';

export function createRateLimitPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: withLibpqSslModes(databaseUrl),
    max: 4,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    options: '-c synchronous_commit=off',
    application_name: 'factcheck-quiz rate limits',
  });
  // An idle connection dropped by the server (a restart) is replaced on the next use.
  pool.on('error', () => {});
  return pool;
}
