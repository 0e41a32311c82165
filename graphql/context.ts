// What every resolver receives for one request: the database, a logger, and
// who is asking (the client's address now; player and host tokens later).
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../lib/log/logger.ts';
import type { PrismaClient } from '../lib/db/prisma.ts';
import type { SessionUpdates } from '../lib/sessions/session-updates.ts';
import type { SessionSnapshot } from '../lib/sessions/session-view.ts';

export interface GraphQLContext {
  prisma: PrismaClient;
  log: Logger;
  clientAddress: string;
  /** This process's live session updates (subscriptions). */
  sessionUpdates: SessionUpdates<SessionSnapshot>;
}

export interface ContextDependencies {
  prisma: PrismaClient;
  log: Logger;
  sessionUpdates: SessionUpdates<SessionSnapshot>;
}

export function buildContext(deps: ContextDependencies, req: IncomingMessage): GraphQLContext {
  return { ...deps, clientAddress: req.socket.remoteAddress ?? 'unknown' };
}
