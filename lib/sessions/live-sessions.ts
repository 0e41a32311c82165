// The live updates of one server process, wired to the database: snapshots are
// read with Prisma, notifications heard on a dedicated PostgreSQL connection.
import type { Logger } from '../log/logger.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { SessionUpdates } from './session-updates.ts';
import { loadSessionSnapshot, type SessionSnapshot } from './session-view.ts';

export function createSessionUpdates(prisma: PrismaClient, databaseUrl: string, log: Logger): SessionUpdates<SessionSnapshot> {
  return new SessionUpdates<SessionSnapshot>({ connectionString: databaseUrl, log, load: (sessionId) => loadSessionSnapshot(prisma, sessionId) });
}
