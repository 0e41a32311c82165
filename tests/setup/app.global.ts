// Browser tests run against the production build served by server/main.ts on
// a fresh database of the run's PostgreSQL (migrated and seeded by the app
// itself at start-up, as `npm start` does).
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '../../lib/db/embedded-postgres.ts';
import { PROJECT_ROOT } from '../../lib/paths.ts';
import { buildPages, pagesBuildIsStale } from '../../server/build-pages.ts';
import { chromiumMissingReason } from '../helpers/chromium.ts';
import { startApp } from '../helpers/app-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running app, e.g. http://127.0.0.1:4123. */
    appUrl: string;
    /** Why browser tests skip here; empty when Chromium is available. */
    chromiumMissing: string;
  }
}

export default async function setup(project: TestProject) {
  const missing = chromiumMissingReason();
  if (missing && process.env.CI === 'true') throw new Error(`browser tests cannot run under CI=true: ${missing}`);
  if (missing) console.warn(`\n  Skipping browser tests: ${missing}\n`);
  project.provide('chromiumMissing', missing ?? '');

  if (pagesBuildIsStale(PROJECT_ROOT)) await buildPages(PROJECT_ROOT);

  // Provided by postgres.global.ts, which runs first.
  const adminUrl = project.getProvidedContext().pgAdminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE e2e');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/e2e';

  const app = await startApp({ DATABASE_URL: url.toString() }, await findFreePort());
  project.provide('appUrl', app.baseUrl);
  return async () => {
    await app.stop('SIGTERM');
  };
}
