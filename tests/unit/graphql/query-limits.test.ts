// The request limits let through every document the app and the playground
// send, with room to spare, and refuse documents just past each limit with
// its own code.
import { describe, expect, it } from 'vitest';
import { Kind, parse, specifiedRules, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema } from '../../../graphql/schema.ts';
import { parseOptions, QUERY_LIMIT_CODES, QUERY_LIMITS, queryLimitRules, tokenLimitCode } from '../../../graphql/protection/query-limits.ts';
import * as appDocuments from '../../../graphql/generated/client/graphql.ts';
import { EXAMPLE_OPERATIONS } from '../../../app/playground/examples.ts';

const schema = buildSchema();
const check = (document: DocumentNode): readonly GraphQLError[] => validate(schema, document, [...specifiedRules, ...queryLimitRules()]);

/** The pages' operations (not their fragments alone), as code generation compiled them. */
const pageOperations = Object.entries(appDocuments)
  .filter(([name, value]) => name.endsWith('Document') && typeof value === 'object' && value !== null && 'definitions' in value)
  .map(([name, value]) => ({ name, document: value as unknown as DocumentNode }));

const examples = EXAMPLE_OPERATIONS.map(({ title, query }) => ({ name: `playground: ${title}`, document: parse(query, parseOptions) }));

/** What graphql-armor measures for a document (depth and cost), to show the headroom. */
function measure(document: DocumentNode): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  validate(schema, document, [
    maxDepthRule({ n: 1_000, flattenFragments: true, onAccept: [(_c: unknown, { n }: { n: number }) => void (depth = Math.max(depth, n))] }),
    costLimitRule({ maxCost: 1_000_000, flattenFragments: true, onAccept: [(_c: unknown, { n }: { n: number }) => void (cost = Math.max(cost, n))] }),
  ] as never);
  return { depth, cost };
}

describe('query limits', () => {
  it('finds the documents it is meant to check', () => {
    expect(pageOperations.length).toBeGreaterThan(15);
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...pageOperations, ...examples])('lets $name through with room to spare', ({ document }) => {
    expect(check(document).map((error) => error.message)).toEqual([]);
    const { depth, cost } = measure(document);
    expect(depth).toBeLessThanOrEqual(QUERY_LIMITS.maxDepth - 2);
    expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.maxCost / 2);
  });

  it('refuses a document one level too deep', () => {
    // quiz → articles → quizzes → articles … : a cycle in the schema.
    let selection = 'id';
    for (let level = 0; level < QUERY_LIMITS.maxDepth; level += 1) selection = level % 2 ? `quizzes { ${selection} }` : `articles { ${selection} }`;
    const errors = check(parse(`{ quizzes { ${selection} } }`));
    expect(errors.map((error) => error.extensions.code)).toContain(QUERY_LIMIT_CODES.depth);
    expect(errors[0]?.message).toMatch(/^Query depth limit of \d+ exceeded/);
  });

  it('refuses one alias too many, and counts __typename as free', () => {
    const fields = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
    expect(check(parse(`{ ${fields(QUERY_LIMITS.maxAliases, 'articles { id }')} }`))).toEqual([]);
    const refused = check(parse(`{ ${fields(QUERY_LIMITS.maxAliases + 1, 'articles { id }')} }`));
    expect(refused.map((error) => error.extensions.code)).toEqual([QUERY_LIMIT_CODES.aliases]);
  });

  it('refuses too many directives', () => {
    const directives = Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const errors = check(parse(`{ articles ${directives} { id } }`));
    expect(errors.map((error) => error.extensions.code)).toContain(QUERY_LIMIT_CODES.directives);
  });

  it('refuses a wide, costly document that is within the token, depth and alias limits', () => {
    // Three hundred fields six lists down: each costs more the deeper it sits.
    const wide = 'id title body outlet url wordCount readingMinutes '.repeat(40);
    // Parsed with the server's token limit, so only the cost can refuse it.
    const document = parse(`{ quizzes { articles { quizzes { articles { quizzes { articles { ${wide} } } } } } } }`, parseOptions);
    expect(measure(document).depth).toBeLessThanOrEqual(QUERY_LIMITS.maxDepth);
    const errors = check(document);
    expect(errors.map((error) => error.extensions.code)).toEqual([QUERY_LIMIT_CODES.cost]);
    expect(errors[0]?.message).toMatch(/^Query Cost limit of \d+ exceeded/);
  });

  it('stops parsing past the token limit with a recognisable error', () => {
    const huge = `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`;
    let message = '';
    try {
      parse(huge, parseOptions);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(tokenLimitCode(message)).toBe(QUERY_LIMIT_CODES.tokens);
    expect(tokenLimitCode('Syntax Error: Expected Name, found <EOF>.')).toBeUndefined();
  });
});
