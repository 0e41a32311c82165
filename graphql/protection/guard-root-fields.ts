// Puts the per-field protections in front of every root field (queries,
// mutations, subscriptions), once, where the schema is assembled: argument
// checks, then rate limits, then — for lookups by join code — the guessing
// limit. Resolvers themselves stay thin and unaware of it.
import { GraphQLError } from 'graphql';
import { DomainError } from '../../lib/domain-error.ts';
import type { GraphQLContext } from '../context.ts';
import { argumentProblem } from './argument-checks.ts';
import { CODE_LOOKUP_FIELDS } from './rate-limits.ts';

type Args = Record<string, unknown>;
type FieldResolver = (parent: unknown, args: Args, context: GraphQLContext, info: unknown) => unknown;
type ResolverMap = Record<string, unknown>;

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

async function guard<T>(field: string, args: Args, context: GraphQLContext, run: () => T | Promise<T>): Promise<T> {
  const problem = argumentProblem(args);
  if (problem) throw new GraphQLError(problem.message, { extensions: { code: 'BAD_USER_INPUT', argumentName: problem.argument } });
  const { rateLimits, clientAddress } = context;
  const looksUpCode = CODE_LOOKUP_FIELDS.has(field);
  // A guesser who is blocked is refused before anything is counted or written.
  if (looksUpCode) await rateLimits.assertMayLookUpCode(clientAddress);
  await rateLimits.consume(field, args, clientAddress);
  if (!looksUpCode) return run();
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') await rateLimits.recordCodeMiss(clientAddress);
    throw error;
  }
}

function guarded(field: string, resolve: FieldResolver): FieldResolver {
  return (parent, args, context, info) => guard(field, args, context, () => resolve(parent, args, context, info));
}

/** The same resolver maps with every root field guarded. */
export function guardRootFields<T extends ResolverMap>(resolverMaps: T[]): T[] {
  return resolverMaps.map((map) => {
    const copy: ResolverMap = { ...map };
    for (const type of ROOT_TYPES) {
      const fields = map[type] as Record<string, FieldResolver | { subscribe: FieldResolver; resolve?: FieldResolver }> | undefined;
      if (!fields) continue;
      copy[type] = Object.fromEntries(
        Object.entries(fields).map(([name, resolver]) => {
          const field = `${type}.${name}`;
          if (typeof resolver === 'function') return [name, guarded(field, resolver)];
          return [name, { ...resolver, subscribe: guarded(field, resolver.subscribe) }];
        }),
      );
    }
    return copy as T;
  });
}
