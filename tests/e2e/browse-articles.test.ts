// A person opens the home page, sees the seed articles, opens one and reads
// it — on a desktop and on a phone. Screenshots go to tests/artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../lib/paths.ts';
import { appUrl, chromiumMissing, screenshotPath, useBrowser } from '../helpers/browser-suite.ts';

/** A line of a seed article's text, to find it on the page. */
function firstLineOf(file: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8').split('\n')[0]!.trim();
}

describe.skipIf(Boolean(chromiumMissing))('browsing articles in Chromium', () => {
  const browser = useBrowser();

  it('the home page lists every seed article with its outlet and date line', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(appUrl);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Fact-check Quiz');

    const cards = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
    const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
    await expect.poll(() => cards.count()).toBe(seeds.length);
    const text = await cards.allInnerTexts();
    expect(text.join('\n')).toMatch(/President Trump expressed his opposition to Israeli plans/);
    expect(text.join('\n')).toMatch(/President Donald Trump opposed an Israeli plan to assassinate/);
    // Neither seed file names its outlet or date: each card says so rather than leaving a gap.
    for (const card of text) expect(card).toMatch(/\nOutlet not given · Date not given · \d+ min read$/);
    await page.screenshot({ path: screenshotPath('home.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opening an article shows its full text; the back link returns home', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(appUrl);
    await page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: /President Trump expressed his opposition/ }).click();
    await page.waitForURL(/\/articles\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/President Trump expressed/);
    const seed = fs.readdirSync(SEEDS_DIR).find((f) => firstLineOf(f).startsWith('President Trump expressed'))!;
    const body = await page.locator('.article-body').innerText();
    expect(body).toContain(firstLineOf(seed));
    expect(body).toContain('It’s possible we could get involved.');
    await page.screenshot({ path: screenshotPath('article.png'), fullPage: true });

    await page.getByRole('link', { name: /All articles/ }).click();
    await page.waitForURL(`${appUrl}/`);
    await page.close();
  });

  it('is usable on a phone: no horizontal scrolling, readable article', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(appUrl);
    await page.getByRole('listitem').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('home-phone.png'), fullPage: true });
    await page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: /President Donald Trump opposed/ }).tap();
    await page.waitForURL(/\/articles\//);
    await expect(page.locator('.article-body').innerText()).resolves.toContain('calling them “fake,”');
    await expect(page.getByRole('heading', { level: 2, name: 'What The Author Thinks' }).count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('article-phone.png'), fullPage: true });
    await page.close();
  });

  it('keyboard users can skip to the content', async () => {
    const page = await browser().newPage();
    await page.goto(appUrl);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.close();
  });

  it('an unknown article answers 404 with a way back', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${appUrl}/articles/does-not-exist`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Not found');
    await expect(page.getByRole('link', { name: 'Back to the articles' }).count()).resolves.toBe(1);
    await page.close();
  });
});
