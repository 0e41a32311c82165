// The GraphQL playground runs in the browser from the app's own bundle: one tab
// per example, and the first example lists the seed articles with their quotes.
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../app/playground/examples.ts';
import { appUrl, chromiumMissing, screenshotPath, useBrowser } from '../helpers/browser-suite.ts';

/** GraphiQL titles a tab with the name of its document's first operation. */
const tabTitles = EXAMPLE_OPERATIONS.map(({ query }) => {
  const first = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return first && 'name' in first ? first.name?.value : undefined;
});

interface ArticlesResult {
  data: { articles: { title: string; quotes: { text: string; speakerName: string | null }[] }[] };
}

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
    // One tab per example, in order.
    expect(tabTitles.every(Boolean)).toBe(true);
    expect(await page.locator('.graphiql-tab-button').allInnerTexts()).toEqual(tabTitles);
    const response = page.waitForResponse((r) => r.url() === `${appUrl}/api/graphql` && /"operationName":"Articles"/.test(r.request().postData() ?? ''), {
      timeout: 45_000,
    });
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    // What the server answered: every seed article, with quotations attributed to speakers.
    const answer = (await (await response).json()) as ArticlesResult;
    const titles = answer.data.articles.map((article) => article.title);
    expect(titles).toEqual(expect.arrayContaining([
      expect.stringMatching(/^President Donald Trump opposed an Israeli plan to assassinate/),
      expect.stringMatching(/^President Trump expressed his opposition to Israeli plans/),
    ]));
    expect(answer.data.articles.flatMap((article) => article.quotes).some((quote) => quote.speakerName)).toBe(true);
    // The result pane shows it (only its first screen is drawn; it wraps long lines, so compare with white space folded).
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 45_000 }).toContain('"articles"');
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`"title": "${titles[0]!.split(' ').slice(0, 8).join(' ')}`);
    expect(text).toContain('"quotes": [');
    expect(text).toContain('"speakerName":');
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
