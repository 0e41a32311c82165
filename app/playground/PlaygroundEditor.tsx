'use client';
// GraphiQL, bundled into the app (nothing loads from a CDN), against this
// server's /api/graphql (subscriptions over WebSocket on the same path).
// Monaco's editor workers are bundled by Turbopack.
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { createGraphiQLFetcher, type Storage } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { EXAMPLE_OPERATIONS } from './examples';

// This module loads in the browser only (see PlaygroundLoader.tsx), so the page's own origin is known.
const wsOrigin = typeof window === 'undefined' ? '' : `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
const fetcher = createGraphiQLFetcher({ url: '/api/graphql', subscriptionUrl: wsOrigin ? `${wsOrigin}/api/graphql` : undefined });

/**
 * GraphiQL keeps its tabs in localStorage and shows them instead of the
 * examples on the next visit. Its keys are namespaced by a hash of the
 * examples, so a returning visitor sees the current examples once they change.
 */
function examplesStorage(): Storage {
  let hash = 0;
  for (const char of JSON.stringify(EXAMPLE_OPERATIONS)) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  const prefix = `playground-${(hash >>> 0).toString(36)}:`;
  return {
    getItem: (key) => window.localStorage.getItem(prefix + key),
    setItem: (key, value) => window.localStorage.setItem(prefix + key, value),
    removeItem: (key) => window.localStorage.removeItem(prefix + key),
    clear: () => {
      for (const key of Object.keys(window.localStorage)) if (key.startsWith(prefix)) window.localStorage.removeItem(key);
    },
    get length() {
      return Object.keys(window.localStorage).filter((key) => key.startsWith(prefix)).length;
    },
  };
}

const storage = typeof window === 'undefined' ? undefined : examplesStorage();

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
