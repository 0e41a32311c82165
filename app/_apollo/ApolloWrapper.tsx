'use client';
// Apollo Client for Client Components, with streaming SSR: rendered on the
// server first (absolute URL to this process), then hydrated in the browser.
// In the browser, subscriptions go over a WebSocket to the same path
// (graphql-ws), which reconnects and resubscribes on its own after a drop.
import { ApolloLink, HttpLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { ApolloClient, ApolloNextAppProvider, InMemoryCache } from '@apollo/client-integration-nextjs';
import { createClient } from 'graphql-ws';
import type { ReactNode } from 'react';
import { BROWSER_GRAPHQL_PATH, browserGraphQLWsUrl, serverGraphQLUrl } from './graphql-url';
import { setLiveConnected } from './live-connection';

function browserLink(): ApolloLink {
  const http = new HttpLink({ uri: BROWSER_GRAPHQL_PATH });
  const ws = new GraphQLWsLink(
    createClient({
      url: browserGraphQLWsUrl(),
      lazy: true,
      // A phone that sleeps or changes networks comes back: retry forever, backing off.
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 8_000) + Math.random() * 300)),
      on: { connected: () => setLiveConnected(true), closed: () => setLiveConnected(false) },
    }),
  );
  return ApolloLink.split(({ query }) => isSubscriptionOperation(query), ws, http);
}

function makeClient() {
  // Resolved per request, so building the pages needs no running server.
  const link = typeof window === 'undefined' ? new HttpLink({ uri: () => serverGraphQLUrl() }) : browserLink();
  return new ApolloClient({ cache: new InMemoryCache(), link });
}

export function ApolloWrapper({ children }: { children: ReactNode }) {
  return <ApolloNextAppProvider makeClient={makeClient}>{children}</ApolloNextAppProvider>;
}
