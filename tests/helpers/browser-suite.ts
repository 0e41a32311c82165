// Shared set-up of the browser tests: the app's URL, one Chromium per test
// file, and where screenshots go.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { PROJECT_ROOT } from '../../lib/paths.ts';
import { launchChromium } from './chromium.ts';

export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'tests', 'artifacts');

/** Why browser tests skip here ('' when they run), for describe.skipIf. */
export const chromiumMissing = inject('chromiumMissing');
export const appUrl = inject('appUrl');

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS_DIR, name);
}

/** Call inside a describe: launches Chromium before its tests, closes it after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
}
