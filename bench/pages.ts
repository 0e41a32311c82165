// npm run bench — pages in Chromium: time to first byte and time to
// interactive of the home, play and host-setup pages of the production server
// (server/main.ts), each opened RUNS times in a fresh browser context (no
// cache), beside a floor measured the same way in the same run: the app's
// 404 page, the lightest page with the same layout and scripts.
// "Interactive" is when the page's main control is on screen and React has
// hydrated it (React attaches its fiber to the element), so a click would work.
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { chromiumMissingReason, launchChromium } from '../tests/helpers/chromium.ts';
import { startBenchDatabase } from './bench-database.ts';
import { recordResults } from './results.ts';
import { percentile, round1 } from './stats.ts';
import { OUR_SERVER, startServerProcess, type RunningServer } from './server-process.ts';

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 15);

interface PageCase {
  name: string;
  path: string;
  /** The control that makes the page usable. */
  control: string;
}


async function measure(browser: Browser, url: string, control: string): Promise<{ ttfb: number; interactive: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // Times are from the navigation's start (performance.now()'s origin).
    const interactive = await page.waitForFunction(
      (selector) => {
        const element = document.querySelector(selector);
        const hydrated = element && Object.keys(element).some((key) => key.startsWith('__reactFiber'));
        return hydrated && !(element as HTMLButtonElement).disabled ? performance.now() : false;
      },
      control,
      { polling: 'raf', timeout: 30_000 },
    );
    const ttfb = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation!.responseStart - navigation!.startTime;
    });
    return { ttfb, interactive: (await interactive.jsonValue()) as number };
  } finally {
    await context.close();
  }
}

async function main() {
  const missing = chromiumMissingReason();
  if (missing) throw new Error(missing);
  const db = await startBenchDatabase();
  const rows: Record<string, unknown>[] = [];
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  try {
    const { url: databaseUrl, prisma } = db;
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { kind: 'STORY' } });
    await prisma.$disconnect();
    server = await startServerProcess(OUR_SERVER, { DATABASE_URL: databaseUrl });
    browser = await launchChromium();
    const base = server.origin;
    const cases: PageCase[] = [
      { name: 'floor: the 404 page', path: '/no-such-page', control: 'main a[href="/"]' },
      { name: 'home', path: '/', control: 'a[href^="/play/"]' },
      { name: 'play (nickname form)', path: `/play/${quiz.id}`, control: '#nickname' },
      { name: 'host setup', path: `/host/new/${quiz.id}`, control: 'form button[type="submit"]' },
    ];
    // One untimed visit each: the server compiles nothing at run time, but its caches and JIT warm up.
    for (const pageCase of cases) await measure(browser, base + pageCase.path, pageCase.control);
    for (const pageCase of cases) {
      process.stdout.write(`${pageCase.name}: ${RUNS} visits…\n`);
      const ttfb: number[] = [];
      const interactive: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await measure(browser, base + pageCase.path, pageCase.control);
        ttfb.push(result.ttfb);
        interactive.push(result.interactive);
      }
      rows.push({ page: pageCase.name, path: pageCase.path.replace(quiz.id, ':quizId'), ttfbMedianMs: round1(percentile(ttfb, 50)), ttfbP90Ms: round1(percentile(ttfb, 90)), interactiveMedianMs: round1(percentile(interactive, 50)), interactiveP90Ms: round1(percentile(interactive, 90)) });
    }
  } finally {
    await browser?.close();
    await server?.stop();
    await db.stop();
  }
  const floor = rows[0]!;
  const table = rows.map((row) => ({ ...row, interactiveRatioToFloor: round1((row.interactiveMedianMs as number) / (floor.interactiveMedianMs as number)) }));
  console.log(`\nPages in Chromium (fresh context each visit, ${RUNS} visits), on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`);
  console.table(table);
  recordResults('pages', { runs: RUNS, rows: table });
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
