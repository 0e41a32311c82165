// Test projects: unit (pure modules), integration (a real embedded PostgreSQL,
// one database per test file), security (attacks on the HTTP endpoint), e2e (the production build in Chromium).
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for the libraries (@graphql-tools,
    // graphql-armor); tests that import graphql themselves must get the same
    // copy, or schemas "from another module or realm" are refused.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          globalSetup: ['tests/setup/postgres.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Attacks on the real HTTP endpoint: limits, tokens, injection, guessing.
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          globalSetup: ['tests/setup/postgres.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // After the other projects: browser timing is not shared with a busy CPU.
          sequence: { groupOrder: 1 },
          environment: 'node',
          globalSetup: ['tests/setup/postgres.global.ts', 'tests/setup/app.global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
