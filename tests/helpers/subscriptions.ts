// A GraphQL subscription client for tests (graphql-ws over the `ws` package):
// collects every update and waits for the one a test expects.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  updates: T[];
  errors: { message: string; extensions?: { code?: string } }[];
  /** Resolves with the first update (already received or still to come) that matches. */
  waitFor(match: (update: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves once the server has sent an error. */
  waitForError(timeoutMs?: number): Promise<{ message: string; extensions?: { code?: string } }>;
}

export function subscriptionClient(wsUrl: string): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
}

export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown>, field: string): Subscription<T> {
  const updates: T[] = [];
  const errors: Subscription<T>['errors'] = [];
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...(result.errors as Subscription<T>['errors']));
        if (result.data?.[field]) updates.push(result.data[field]);
        changed();
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }]));
        changed();
      },
      complete: () => {},
    },
  );
  const until = <R>(find: () => R | undefined, what: string, timeoutMs: number) =>
    new Promise<R>((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found !== undefined) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; updates so far: ${JSON.stringify(updates).slice(0, 2000)}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return {
    updates,
    errors,
    waitFor: (match, timeoutMs = 10_000) => until(() => updates.find(match), 'matching update', timeoutMs),
    waitForError: (timeoutMs = 10_000) => until(() => errors[0], 'error', timeoutMs),
  };
}
