// Creates the Prisma client over node-postgres (Prisma 7 driver adapter; no
// native query engine). One client per process; callers pass it down.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { createStatementNames } from './statement-names.ts';

export type { PrismaClient };

/**
 * How long a query waits for a connection (a new one to be made, or a pooled
 * one to come free) before failing. With PostgreSQL down or unreachable, a
 * request then fails within this time (SERVICE_UNAVAILABLE, see
 * database-errors.ts) instead of hanging; a refused connection fails at once.
 * Interactive transactions give up sooner, after Prisma's `maxWait` (2 s).
 */
export const CONNECTION_TIMEOUT_MS = 3_000;

export function createPrismaClient(url: string, options: { maxConnections?: number } = {}): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      // A connection whose server vanished without closing it (a dropped link) is noticed and replaced.
      keepAlive: true,
    },
    // Every statement is prepared once per connection and its plan kept (statement-names.ts).
    { statementNameGenerator: createStatementNames() },
  );
  return new PrismaClient({ adapter });
}
