// Serves an Apollo Server on a plain Node HTTP request. Apollo Server 5 ships
// no integration for a bare `http` server beyond its standalone mode (which
// owns the whole server); this is that integration, shaped like Apollo's own:
// body-parser reads JSON, executeHTTPGraphQLRequest does the rest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import bodyParser from 'body-parser';
import type { Logger } from '../lib/log/logger.ts';

export const MAX_BODY_BYTES = 1_000_000;

type BodyRequest = IncomingMessage & { body?: unknown };

const readJson = bodyParser.json({ limit: MAX_BODY_BYTES });

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

export function createGraphQLHandler<TContext extends object>(
  server: ApolloServer<TContext>,
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext> | TContext,
  log: Logger,
) {
  return (req: BodyRequest, res: ServerResponse): void => {
    readJson(req, res, (parseError?: Error & { status?: number; type?: string }) => {
      if (parseError) {
        const status = parseError.status ?? 400;
        const code = parseError.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
        const message =
          parseError.type === 'entity.too.large'
            ? `Request body is larger than ${MAX_BODY_BYTES} bytes`
            : `Request body is not valid JSON: ${parseError.message}`;
        sendError(res, status, code, message);
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      server
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body: req.body },
          context: async () => context(req, res),
        })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          if (response.body.kind === 'complete') {
            res.end(response.body.string);
            return;
          }
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'GraphQL request failed outside the resolvers');
          if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
          else res.end();
        });
    });
  };
}
