// Starts the real HTTP server (GraphQL only, no pages) on a free port over a
// test database, and posts operations to it like any client would.
import { createAppServer, GRAPHQL_PATH, type AppServer } from '../../server/app-server.ts';
import { createLogger } from '../../lib/log/logger.ts';
import type { PrismaClient } from '../../lib/db/prisma.ts';

export interface GraphQLTestServer {
  url: string;
  /** The same endpoint for WebSocket subscriptions. */
  wsUrl: string;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string }>;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

export interface GraphQLReply {
  status: number;
  text: string;
  json: any;
  data?: any;
  errors?: { message: string; extensions: { code: string; [key: string]: unknown } }[];
}

/** POSTs a body (an object, or raw text) to a GraphQL endpoint, as any client would. */
export async function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, data: json?.data, errors: json?.errors };
}

export async function startGraphQLServer(
  db: { prisma: PrismaClient; url: string },
  options: { adminToken?: string; trustProxyHops?: number } = {},
): Promise<GraphQLTestServer> {
  const server: AppServer = await createAppServer({ prisma: db.prisma, databaseUrl: db.url, log: createLogger('silent', { pretty: false }), ...options });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}${GRAPHQL_PATH}`;
  const post = (body: unknown, headers: Record<string, string> = {}) => postGraphQL(url, body, headers);
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    post,
    query: async (query, variables) => (await post({ query, variables })).json as { data?: any; errors?: any[] },
    close: () => server.close(),
  };
}
