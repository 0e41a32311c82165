// Reading what Apollo Client threw: the GraphQL error's `extensions.code`
// (NOT_FOUND, ALREADY_ANSWERED, …) to decide what to show, and a message.
import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The `extensions.code` of the first GraphQL error, if what was thrown is one. */
export function errorCode(error: unknown): string | undefined {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.extensions?.code as string | undefined) : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
