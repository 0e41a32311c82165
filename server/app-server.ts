// The HTTP server: GraphQL at /api/graphql served directly by Apollo Server,
// every other path by Next.js. One port for pages, the API and (later) the
// WebSocket subscriptions; see the README for why GraphQL is not a route handler.
import http from 'node:http';
import type { RequestHandler } from 'next/dist/server/next.js';
import type { Logger } from '../lib/log/logger.ts';
import type { PrismaClient } from '../lib/db/prisma.ts';
import { createApolloServer } from '../graphql/server.ts';
import { buildContext } from '../graphql/context.ts';
import { createGraphQLHandler } from '../graphql/http-handler.ts';

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
  log: Logger;
  /** Next.js request handler for pages; without it, other paths answer 404 (API-only tests). */
  pages?: RequestHandler;
}): Promise<AppServer> {
  const { prisma, log, pages } = options;
  const httpServer = http.createServer();
  const apollo = createApolloServer({ log, httpServer, drainGraceMs: DRAIN_GRACE_MS });
  await apollo.start();
  const graphql = createGraphQLHandler(apollo, (req) => buildContext({ prisma, log }, req), log);

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === GRAPHQL_PATH) return graphql(req, res);
    if (pages) return void pages(req, res);
    res.statusCode = 404;
    res.end('Not found');
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
    // Apollo's drain plugin stops the HTTP server and waits for in-flight requests.
    close: () => apollo.stop(),
  };
}
