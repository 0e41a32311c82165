// Shared start-up of the db:* scripts: validate the configuration, open the
// database (embedded when DATABASE_URL is unset), run the task, close.
// Errors end the process with one line and a non-zero exit.
import { ConfigError, loadConfig } from '../lib/config/env.ts';
import { openDatabase, type Database } from '../lib/db/open-database.ts';

export async function withDatabase(task: (database: Database) => Promise<number | void>): Promise<void> {
  let database: Database | undefined;
  let exitCode = 0;
  try {
    const config = loadConfig();
    database = await openDatabase(config.databaseUrl, { dataDir: config.embeddedPostgresDir });
    exitCode = (await task(database)) ?? 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (!(error instanceof ConfigError) && process.env.LOG_LEVEL === 'debug') console.error(error);
    exitCode = 1;
  } finally {
    await database?.close().catch(() => {});
  }
  process.exit(exitCode);
}
