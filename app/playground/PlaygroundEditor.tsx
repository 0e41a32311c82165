'use client';
// GraphiQL, bundled into the app (nothing loads from a CDN), against this
// server's /api/graphql (subscriptions over WebSocket on the same path).
// Monaco's editor workers are bundled by Turbopack.
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { EXAMPLE_OPERATIONS } from './examples';

// This module loads in the browser only (see PlaygroundLoader.tsx), so the page's own origin is known.
const wsOrigin = typeof window === 'undefined' ? '' : `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
const fetcher = createGraphiQLFetcher({ url: '/api/graphql', subscriptionUrl: wsOrigin ? `${wsOrigin}/api/graphql` : undefined });

export default function PlaygroundEditor() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables }))}
      defaultEditorToolsVisibility="variables"
    />
  );
}
