// The HTTP server: GraphQL at /api/graphql served directly by Apollo Server
// (HTTP) and graphql-ws (WebSocket subscriptions), every other path by
// Next.js. One port for pages, the API and live updates; see the README for
// why GraphQL is not a route handler.
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { GraphQLError } from 'graphql';
import type { RequestHandler } from 'next/dist/server/next.js';
import type { Logger } from '../lib/log/logger.ts';
import type { PrismaClient } from '../lib/db/prisma.ts';
import { createApolloServer, maskError } from '../graphql/server.ts';
import { buildSchema } from '../graphql/schema.ts';
import { createSessionUpdates } from '../lib/sessions/live-sessions.ts';
import { buildContext } from '../graphql/context.ts';
import { createGraphQLHandler } from '../graphql/http-handler.ts';
import { createHealthHandler, HEALTH_PATH } from './health.ts';
import { checkOperation } from '../graphql/protection/query-limits.ts';
import { RateLimits } from '../graphql/protection/rate-limits.ts';
import { createRateLimitPool } from '../lib/db/rate-limit-pool.ts';

export const GRAPHQL_PATH = '/api/graphql';
/** How long shutdown waits for in-flight requests before closing their connections. */
export const DRAIN_GRACE_MS = 5_000;

export interface AppServer {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export async function createAppServer(options: {
  prisma: PrismaClient;
  /** The database's URL, for the connection that listens for session updates. */
  databaseUrl: string;
  log: Logger;
  /** Next.js request handler for pages; without it, other paths answer 404 (API-only tests). */
  pages?: RequestHandler;
  /** Next.js handler for other WebSocket upgrades (hot reload in development). */
  upgrade?: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;
  /** Proxies in front of this server that append to X-Forwarded-For (default 0: use the socket's address). */
  trustProxyHops?: number;
  /** The admin token that may import articles (ADMIN_TOKEN); unset, only host tokens can. */
  adminToken?: string;
}): Promise<AppServer> {
  const { prisma, log, pages, upgrade } = options;
  const sessionUpdates = createSessionUpdates(prisma, options.databaseUrl, log);
  await sessionUpdates.start();
  const rateLimitStore = createRateLimitPool(options.databaseUrl);
  const rateLimits = new RateLimits(rateLimitStore);
  const deps = { prisma, log, sessionUpdates, rateLimits, adminToken: options.adminToken, trustProxyHops: options.trustProxyHops ?? 0 };
  const httpServer = http.createServer();
  const schema = buildSchema();
  const apollo = createApolloServer({ log, httpServer, drainGraceMs: DRAIN_GRACE_MS, schema });
  await apollo.start();
  const graphql = createGraphQLHandler(apollo, (req) => buildContext(deps, req), log);
  const health = createHealthHandler({ prisma, log });

  // Subscriptions: the same schema, request limits and error masking as HTTP.
  const formatError = maskError(log);
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 100_000 });
  const subscriptions = useServer<Record<string, unknown> | undefined, { request: http.IncomingMessage }>(
    {
      schema,
      context: (ctx) => buildContext(deps, ctx.extra.request),
      onSubscribe: (_ctx, _id, payload) => {
        const checked = checkOperation(schema, payload.query);
        if ('errors' in checked) return [...checked.errors];
        return { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    },
    webSockets,
  );

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === GRAPHQL_PATH) return graphql(req, res);
    if (path === HEALTH_PATH) return void health(req, res);
    if (pages) return void pages(req, res);
    res.statusCode = 404;
    res.end('Not found');
  });
  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === GRAPHQL_PATH) {
      webSockets.handleUpgrade(req, socket, head, (ws) => webSockets.emit('connection', ws, req));
    } else if (upgrade) {
      upgrade(req, socket, head).catch(() => socket.destroy());
    } else {
      socket.destroy();
    }
  });

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as import('node:net').AddressInfo).port);
        });
      }),
    // Live connections first (clients reconnect to another process), then
    // Apollo's drain plugin stops the HTTP server and waits for in-flight requests.
    close: async () => {
      await subscriptions.dispose();
      await new Promise((resolve) => webSockets.close(resolve));
      await sessionUpdates.close();
      await apollo.stop();
      await rateLimitStore.end();
    },
  };
}
