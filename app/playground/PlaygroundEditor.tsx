'use client';
// GraphiQL, bundled into the app (nothing loads from a CDN), against this
// server's /api/graphql. Monaco's editor workers are bundled by Turbopack.
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { EXAMPLE_OPERATIONS } from './examples';

const fetcher = createGraphiQLFetcher({ url: '/api/graphql' });

export default function PlaygroundEditor() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables }))}
      defaultEditorToolsVisibility="variables"
    />
  );
}
