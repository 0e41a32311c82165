// The GraphQL playground runs in the browser from the app's own bundle: the
// first example lists the seed articles.
import { describe, expect, it } from 'vitest';
import { appUrl, chromiumMissing, screenshotPath, useBrowser } from '../helpers/browser-suite.ts';

describe.skipIf(Boolean(chromiumMissing))('GraphQL playground', () => {
  const browser = useBrowser();

  it('runs the articles example and shows the seeded articles, loading nothing from other hosts', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(appUrl) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
    });
    await page.goto(`${appUrl}/playground`);
    // Wait until the editor holds the example, then run it.
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 60_000 }).toContain('articles');
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 45_000 }).toContain('"articles"');
    // The result pane wraps long lines; compare with white space folded.
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('"title": "President Donald Trump opposed an Israeli plan to assassinate');
    expect(text).toContain('"title": "President Trump expressed his opposition to Israeli plans');
    await page.screenshot({ path: screenshotPath('playground.png') });
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('is linked from every page header', async () => {
    const page = await browser().newPage();
    await page.goto(appUrl);
    await page.getByRole('link', { name: 'GraphQL playground' }).click();
    await page.waitForURL(`${appUrl}/playground`);
    await page.close();
  });
});
