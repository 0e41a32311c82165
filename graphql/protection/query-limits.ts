// Limits on the shape of a GraphQL document, checked before anything runs:
// tokens (while parsing), then depth, cost, aliases and directives (as
// validation rules from graphql-armor). The same limits guard HTTP and
// WebSocket operations. They are tuned so every document the pages and the
// playground examples send passes with room to spare (a test checks it), and
// each refusal carries its own `extensions.code`.
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';

export const QUERY_LIMITS = {
  /** Lexical tokens in one document (GraphiQL's full introspection query has under 200). */
  maxTokens: 1_000,
  /** Nested fields (fragments count as what they select); introspection is exempt. */
  maxDepth: 7,
  /** graphql-armor's static cost: 2 per object, 1 per scalar, weighted by depth; introspection is exempt. */
  maxCost: 2_500,
  /** Aliased fields in one operation (`__typename` aside), so one request cannot ask for the same field a hundred times. */
  maxAliases: 10,
  /** Directives in one operation. */
  maxDirectives: 10,
} as const;

/** The code each refusal carries in `extensions.code`. */
export const QUERY_LIMIT_CODES = {
  tokens: 'QUERY_TOO_LARGE',
  depth: 'QUERY_TOO_DEEP',
  cost: 'QUERY_TOO_COMPLEX',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
} as const;

/** graphql-js stops parsing past `maxTokens`; the refusal is recognised by its message. */
export const parseOptions: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

// graphql 16 spells it "more that 1000 tokens".
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

/** The code for a parse error that is the token limit, for the error formatter. */
export function tokenLimitCode(message: string): string | undefined {
  return TOKEN_LIMIT_MESSAGE.test(message) ? QUERY_LIMIT_CODES.tokens : undefined;
}

/** Reports a graphql-armor refusal as a validation error with our code and without its "Syntax Error" prefix. */
function reportAs(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));
      },
    ],
  };
}

export function queryLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({ n: QUERY_LIMITS.maxDepth, flattenFragments: true, ...reportAs(QUERY_LIMIT_CODES.depth) }),
    costLimitRule({ maxCost: QUERY_LIMITS.maxCost, flattenFragments: true, ...reportAs(QUERY_LIMIT_CODES.cost) }),
    maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...reportAs(QUERY_LIMIT_CODES.aliases) }),
    maxDirectivesRule({ n: QUERY_LIMITS.maxDirectives, ...reportAs(QUERY_LIMIT_CODES.directives) }),
  ] as ValidationRule[];
}

/**
 * Parses and validates one operation with the same limits Apollo Server
 * applies over HTTP; for the WebSocket server, which does its own parsing.
 * Returns the document, or the errors to send instead.
 */
export function checkOperation(schema: GraphQLSchema, query: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(query, parseOptions);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = tokenLimitCode(error.message) ?? 'GRAPHQL_PARSE_FAILED';
    return { errors: [new GraphQLError(error.message, { extensions: { code } })] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules()]);
  if (errors.length > 0) {
    return { errors: errors.map((error) => (error.extensions.code ? error : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))) };
  }
  return { document };
}
