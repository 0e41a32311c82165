// Assembles the Apollo Server: schema, error masking, request limits and
// plugins, in one place. The WebSocket server (server/app-server.ts) applies
// the same limits and masking through `checkOperation` and `maskError`.
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from '../lib/log/logger.ts';
import type { GraphQLContext } from './context.ts';
import { buildSchema } from './schema.ts';
import { DomainError } from '../lib/domain-error.ts';
import { databaseUnavailableReason } from '../lib/db/database-errors.ts';
import { parseOptions, QUERY_LIMIT_CODES, queryLimitRules, tokenLimitCode } from './protection/query-limits.ts';

/** Field suggestions ("Did you mean …?") reveal the schema to someone probing it; production hides them (read when the server is built). */
const hideSchemaDetails = () => process.env.NODE_ENV === 'production';

const LIMIT_CODES = new Set<unknown>(Object.values(QUERY_LIMIT_CODES));

/** The request-limit code of a validation error (query-limits.ts), under whatever Apollo wrapped it in. */
function limitCodeOf(error: unknown): string | undefined {
  for (let current = error; current instanceof GraphQLError; current = current.originalError) {
    if (LIMIT_CODES.has(current.extensions.code)) return current.extensions.code as string;
  }
  return undefined;
}

/** "… Did you mean "ALL_TIME"?" names the schema's fields, types and values: gone in production, wherever it comes from. */
function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [\s\S]+\?$/, '');
}

/** Errors the client can act on keep their message; anything else is masked. */
export function maskError(log: Logger) {
  const hideSuggestions = hideSchemaDetails();
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Errors of the rules carry their own code: NOT_FOUND, FORBIDDEN, ALREADY_ANSWERED, …
    if (original instanceof DomainError) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code } };
    }
    // PostgreSQL stopped, restarting or unreachable: the client may try again (logged by code only, no SQL or stack).
    const unavailable = databaseUnavailableReason(original);
    if (unavailable) {
      log.warn({ reason: unavailable, path: formatted.path }, 'the database is unavailable; a GraphQL request failed');
      return { message: 'The database is unavailable; try again in a moment', locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    const code = formatted.extensions?.code;
    // graphql-js stops at the token limit with a syntax error; give it its own code.
    const tooLarge = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitCode(formatted.message) : undefined;
    if (tooLarge) return { message: `The document is larger than the server accepts. ${formatted.message.replace(/^Syntax Error: /, '')}`, extensions: { code: tooLarge } };
    if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) {
      // `http` (a status for Apollo's HTTP response) and `stacktrace` are not for the client; over WebSocket nothing else removes them.
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; a request limit keeps its own code.
      const limitCode = limitCodeOf(error);
      if (limitCode) extensions.code = limitCode;
      const message = hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
      return { ...formatted, message, extensions };
    }
    log.error({ err: original }, 'unexpected error while resolving a GraphQL request');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export function createApolloServer(options: {
  log: Logger;
  /** Built once and shared with the WebSocket server; built here when omitted. */
  schema?: GraphQLSchema;
  httpServer?: http.Server;
  drainGraceMs?: number;
}): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: options.schema ?? buildSchema(),
    // The schema is the documentation the playground shows.
    introspection: true,
    csrfPrevention: true,
    // Batches would multiply every limit below by the batch size.
    allowBatchedHttpRequests: false,
    parseOptions,
    validationRules: queryLimitRules(),
    includeStacktraceInErrorResponses: false,
    formatError: maskError(options.log),
    logger: options.log,
    plugins: [
      // The playground is GraphiQL bundled into the app; Apollo's landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      ...(options.httpServer
        ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: options.drainGraceMs })]
        : []),
    ],
  });
}
