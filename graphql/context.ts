// What every resolver receives for one request: the database, a logger, and
// who is asking (the client's address now; player and host tokens later).
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../lib/log/logger.ts';
import type { PrismaClient } from '../lib/db/prisma.ts';

export interface GraphQLContext {
  prisma: PrismaClient;
  log: Logger;
  clientAddress: string;
}

export interface ContextDependencies {
  prisma: PrismaClient;
  log: Logger;
}

export function buildContext(deps: ContextDependencies, req: IncomingMessage): GraphQLContext {
  return { prisma: deps.prisma, log: deps.log, clientAddress: req.socket.remoteAddress ?? 'unknown' };
}
