// What every resolver receives for one request: the database, a logger, the
// rate limits, and who is asking (the client's address; tokens are arguments).
import type { IncomingMessage } from 'node:http';
import type { RateLimits } from './protection/rate-limits.ts';
import type { Logger } from '../lib/log/logger.ts';
import type { PrismaClient } from '../lib/db/prisma.ts';
import type { SessionUpdates } from '../lib/sessions/session-updates.ts';
import type { SessionSnapshot } from '../lib/sessions/session-view.ts';

export interface GraphQLContext {
  prisma: PrismaClient;
  log: Logger;
  /** The client's IP address: the socket's, or from X-Forwarded-For behind trusted proxies. */
  clientAddress: string;
  /** This process's live session updates (subscriptions). */
  sessionUpdates: SessionUpdates<SessionSnapshot>;
  rateLimits: RateLimits;
  /** The server's admin token (ADMIN_TOKEN), for article imports; unset when none is configured. */
  adminToken: string | undefined;
}

export interface ContextDependencies {
  prisma: PrismaClient;
  log: Logger;
  sessionUpdates: SessionUpdates<SessionSnapshot>;
  rateLimits: RateLimits;
  adminToken: string | undefined;
  /** How many proxies in front of the server append to X-Forwarded-For (TRUST_PROXY_HOPS); 0 trusts none. */
  trustProxyHops: number;
}

/**
 * The client's address. Behind N trusted proxies, the N-th address from the
 * right of X-Forwarded-For is the one the first proxy saw; anything left of it
 * was written by the client and is not trusted.
 */
export function clientAddressOf(req: IncomingMessage, trustProxyHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((part) => part.trim()).filter(Boolean);
  return chain[chain.length - trustProxyHops] ?? chain[0] ?? socketAddress;
}

export function buildContext(deps: ContextDependencies, req: IncomingMessage): GraphQLContext {
  const { trustProxyHops, ...shared } = deps;
  return { ...shared, clientAddress: clientAddressOf(req, trustProxyHops) };
}
