'use client';
// Apollo Client for Client Components, with streaming SSR: rendered on the
// server first (absolute URL to this process), then hydrated in the browser.
import { HttpLink } from '@apollo/client';
import { ApolloClient, ApolloNextAppProvider, InMemoryCache } from '@apollo/client-integration-nextjs';
import type { ReactNode } from 'react';
import { BROWSER_GRAPHQL_PATH, serverGraphQLUrl } from './graphql-url';

function makeClient() {
  // Resolved per request, so building the pages needs no running server.
  const uri = typeof window === 'undefined' ? () => serverGraphQLUrl() : BROWSER_GRAPHQL_PATH;
  return new ApolloClient({ cache: new InMemoryCache(), link: new HttpLink({ uri }) });
}

export function ApolloWrapper({ children }: { children: ReactNode }) {
  return <ApolloNextAppProvider makeClient={makeClient}>{children}</ApolloNextAppProvider>;
}
