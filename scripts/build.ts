// npm run build — a production build of the pages (always, stale or not).
import { PROJECT_ROOT } from '../lib/paths.ts';
import { buildPages } from '../server/build-pages.ts';

try {
  await buildPages(PROJECT_ROOT);
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
}
