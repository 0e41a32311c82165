// npm run db:migrate — applies pending SQL migrations from prisma/migrations.
// npm run db:migrate -- --rolled-back NAME — marks a failed migration as rolled
// back (what `prisma migrate resolve --rolled-back` does), so a fixed version
// of it can be applied.
import { markRolledBack, migrate } from '../lib/db/migrate.ts';
import { MIGRATIONS_DIR } from '../lib/paths.ts';
import { withDatabase } from './with-database.ts';

const flag = process.argv.indexOf('--rolled-back');
const rolledBack = flag === -1 ? undefined : process.argv[flag + 1];

await withDatabase(async (database) => {
  if (flag !== -1) {
    if (!rolledBack) throw new Error('--rolled-back needs the name of the failed migration');
    await markRolledBack(database.url, rolledBack);
    console.log(`Marked ${rolledBack} as rolled back; run npm run db:migrate to apply it again.`);
    return;
  }
  const result = await migrate(database.url, MIGRATIONS_DIR, (line) => console.log(line));
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) applied; the database is up to date.`
      : `No pending migrations; ${result.alreadyApplied.length} already applied.`,
  );
});
