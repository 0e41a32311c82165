'use client';
// GraphiQL, bundled into the app (nothing loads from a CDN), against this
// server's /api/graphql (subscriptions over WebSocket on the same path).
// Monaco's editor workers are bundled by Turbopack.
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { createGraphiQLFetcher, createLocalStorage } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { EXAMPLE_OPERATIONS } from './examples';
import { BROWSER_GRAPHQL_PATH, browserGraphQLWsUrl } from '../_apollo/graphql-url';

// This module loads in the browser only (see PlaygroundLoader.tsx), so the page's own origin is known.
const fetcher = createGraphiQLFetcher({ url: BROWSER_GRAPHQL_PATH, subscriptionUrl: browserGraphQLWsUrl() });

/**
 * GraphiQL keeps its tabs in localStorage and shows them instead of the
 * examples on the next visit. Its keys are namespaced by a hash of the
 * examples, so a returning visitor sees the current examples once they change.
 */
function examplesNamespace(): string {
  let hash = 0;
  for (const char of JSON.stringify(EXAMPLE_OPERATIONS)) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return `playground-${(hash >>> 0).toString(36)}`;
}

const storage = createLocalStorage({ namespace: examplesNamespace() });

export default function PlaygroundEditor() {
  return (
    <GraphiQL
      fetcher={fetcher}
      storage={storage}
      defaultTabs={EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables }))}
      defaultEditorToolsVisibility="variables"
    />
  );
}
