// npm run db:migrate — applies pending SQL migrations from prisma/migrations.
import { migrate } from '../lib/db/migrate.ts';
import { MIGRATIONS_DIR } from '../lib/paths.ts';
import { withDatabase } from './with-database.ts';

await withDatabase(async (database) => {
  const result = await migrate(database.url, MIGRATIONS_DIR, (line) => console.log(line));
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) applied; the database is up to date.`
      : `No pending migrations; ${result.alreadyApplied.length} already applied.`,
  );
});
