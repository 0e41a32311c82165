// A whole classroom session in Chromium: a host page on a projector-sized
// screen and three students on phones, each in a browser context of its own.
// They join with the code, answer right and wrong, one student reloads mid-game
// and keeps their score, the host sees the distribution and the podium and
// downloads the CSV report. Screenshots of lobby, question, reveal and podium.
import fs from 'node:fs';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appUrl, chromiumMissing, screenshotPath, useBrowser } from '../helpers/browser-suite.ts';

// The answer key, read the way only a test may: from the database the app runs on.
let db: pg.Client;
beforeAll(async () => {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = '/e2e';
  db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
});

async function rightChoiceText(prompt: string, choices: string[]): Promise<string> {
  const { rows } = await db.query<{ choices: string[]; answer_index: number }>('SELECT choices, answer_index FROM questions WHERE prompt = $1 AND retired_at IS NULL', [prompt]);
  const match = rows.find((row) => row.choices.length === choices.length && row.choices.every((c, i) => c === choices[i]));
  if (!match) throw new Error(`no stored question matches “${prompt}”`);
  return match.choices[match.answer_index]!;
}

describe.skipIf(Boolean(chromiumMissing))('a classroom session in Chromium', () => {
  const browser = useBrowser();
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  async function open(viewport: { width: number; height: number }, mobile: boolean): Promise<Page> {
    const context = await browser().newContext({ viewport, isMobile: mobile, hasTouch: mobile, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${error.message}`));
    return page;
  }
  const errors: string[] = [];

  it('hosts, joins three phones, plays to the podium, survives a reload, and exports the report', async () => {
    // The teacher hosts the first story quiz: 3 questions, accuracy scoring.
    const host = await open({ width: 1366, height: 900 }, false);
    await host.goto(appUrl);
    const story = host.getByRole('list', { name: 'Quizzes' }).getByRole('listitem').filter({ hasText: 'Story' }).first();
    await story.getByRole('link', { name: /^Host a class session/ }).click();
    await host.getByLabel('Questions (up to').fill('3');
    await host.getByRole('radio', { name: /^Accuracy/ }).check();
    await host.getByLabel('Seconds per question').selectOption('60');
    await host.getByRole('button', { name: 'Open the lobby' }).click();
    await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
    const code = (await host.locator('.join-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    // The QR code is drawn in the browser after the lobby appears: wait for it.
    await host.getByRole('img', { name: new RegExp(`QR code for http.*/join/${code}$`) }).waitFor();

    // Three students join from phones: one with the code typed at /join, two by the link in the QR code.
    const phone = { width: 390, height: 844 };
    const [ana, ben, cal] = await Promise.all([open(phone, true), open(phone, true), open(phone, true)]);
    await ana.goto(`${appUrl}/join`);
    await ana.getByLabel('Code').fill(code.toLowerCase());
    await ana.getByRole('button', { name: 'Next' }).click();
    await ana.waitForURL(new RegExp(`/join/${code}$`));
    for (const [page, name] of [[ana, 'Ana'], [ben, 'Ben'], [cal, 'Cal']] as const) {
      if (page !== ana) await page.goto(`${appUrl}/join/${code}`);
      await page.getByLabel('Your nickname').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: `You’re in, ${name}!` }).waitFor();
    }
    // A taken nickname is refused with a clear message.
    const dup = await open(phone, true);
    await dup.goto(`${appUrl}/join/${code}`);
    await dup.getByLabel('Your nickname').fill('ana');
    await dup.getByRole('button', { name: 'Join' }).click();
    await expect(dup.locator('p.error[role=alert]').innerText()).resolves.toMatch(/taken/);

    // The lobby fills live on the projector.
    await host.locator('.player-chips li').nth(2).waitFor();
    await expect(host.locator('.player-chips').innerText()).resolves.toMatch(/Ana[\s\S]*Ben[\s\S]*Cal/);
    await host.screenshot({ path: screenshotPath('session-lobby.png'), fullPage: true });
    await host.getByRole('button', { name: 'Start the quiz' }).click();

    const answer = async (page: Page, right: boolean) => {
      const prompt = (await page.locator('#student-prompt').innerText()).trim();
      const buttons = page.locator('button.choice');
      await buttons.first().waitFor();
      const texts = (await buttons.locator('span:not(.choice-key)').allInnerTexts()).map((t) => t.trim());
      const key = await rightChoiceText(prompt, texts);
      const pick = right ? key : texts.find((t) => t !== key)!;
      await buttons.filter({ hasText: pick }).first().click();
      await page.getByText('Answer in!').waitFor();
    };

    for (let n = 1; n <= 3; n += 1) {
      await host.getByText(`Question ${n} of 3`).first().waitFor();
      for (const page of [ana, ben, cal]) await page.locator('#student-prompt').waitFor();
      await answer(ana, true);
      await answer(ben, false);
      await host.getByText('2 of 3 answered').waitFor();
      if (n === 1) await host.screenshot({ path: screenshotPath('session-question.png'), fullPage: true });
      if (n === 2) {
        // Cal's phone reloads mid-question: same player, same score, still able to answer.
        await cal.reload();
        await cal.locator('#student-prompt').waitFor();
        await expect(cal.locator('.student-status').innerText()).resolves.toMatch(/Cal[\s\S]*Score\s*1,000/);
      }
      await answer(cal, n !== 3);

      // Everyone answered: the host's screen closes the question and reveals it.
      await host.locator('.host-reveal').waitFor();
      await expect(host.locator('.distribution li.right .distribution-count').innerText()).resolves.toMatch(n === 3 ? /^1 / : /^2 /);
      await expect(host.locator('.evidence mark').innerText()).resolves.not.toBe('');
      if (n === 1) await host.screenshot({ path: screenshotPath('session-reveal.png'), fullPage: true });
      if (n === 2) {
        // The projector's browser reloads: the host screen resumes on the same reveal.
        await host.reload();
        await host.locator('.host-reveal').waitFor();
        await expect(host.getByText('Question 2 of 3').count()).resolves.toBe(1);
      }
      await expect(ana.locator('#student-verdict').innerText()).resolves.toMatch(/Correct! \+1,000/);
      await expect(ben.locator('#student-verdict').innerText()).resolves.toMatch(/Not quite/);
      if (n === 1) {
        await ana.screenshot({ path: screenshotPath('session-phone-feedback.png'), fullPage: true });
        // Readable on a phone: nothing wider than the screen.
        await expect(ana.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
      }

      await host.getByRole('button', { name: 'Show the leaderboard' }).click();
      await host.getByRole('heading', { name: 'Leaderboard' }).waitFor();
      await ben.getByRole('heading', { name: /You are 3rd/ }).waitFor();
      await host.getByRole('button', { name: n === 3 ? 'Show the podium' : 'Next question' }).click();
    }

    await host.getByRole('heading', { name: 'Podium' }).waitFor();
    await expect(host.getByRole('listitem', { name: /^1st: Ana, 3000 points/ }).count()).resolves.toBe(1);
    await expect(host.getByRole('listitem', { name: /^2nd: Cal, 2000 points/ }).count()).resolves.toBe(1);
    await host.screenshot({ path: screenshotPath('session-podium.png'), fullPage: true });
    // The phones hear of the end over their own connections: wait for it.
    await cal.getByRole('heading', { name: /Finished: 2nd place, 2,000 points, 2 correct/ }).waitFor();

    // The teacher's report, and its CSV.
    await host.getByRole('link', { name: 'Open the teacher report' }).click();
    await host.getByRole('heading', { name: /^Report:/ }).waitFor();
    await expect(host.locator('.report-percent').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^66\.7% correct/),
      expect.stringMatching(/^66\.7% correct/),
      expect.stringMatching(/^33\.3% correct/),
    ]);
    await host.screenshot({ path: screenshotPath('session-report.png'), fullPage: true });
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`session-${code}-report.csv`);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('Rank,Nickname,Score,Correct answers,Removed,Q1 answer,Q1 correct,Q1 points,Q2 answer,Q2 correct,Q2 points,Q3 answer,Q3 correct,Q3 points');
    expect(lines[1]).toMatch(/^1,Ana,3000,3,no,/);
    expect(lines[2]).toMatch(/^2,Cal,2000,2,no,/);
    expect(lines[3]).toMatch(/^3,Ben,0,0,no,/);
    expect(errors).toEqual([]);
  });

  it('a phone whose network blocks WebSockets still follows the class, by polling', async () => {
    const api = `${appUrl}/api/graphql`;
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const json = (await response.json()) as { data: any; errors?: unknown[] };
      expect(json.errors).toBeUndefined();
      return json.data;
    };
    const quizzes = (await post('{ quizzes { id } }', {})).quizzes as { id: string }[];
    const { createSession } = await post('mutation ($q: ID!) { createSession(quizId: $q, settings: { questionCount: 1 }) { hostToken session { id code } } }', { q: quizzes[0]!.id });
    const phone = await open({ width: 390, height: 844 }, true);
    // Every WebSocket to the API is refused, as some school networks do.
    await phone.routeWebSocket(/\/api\/graphql/, (ws) => ws.close({ code: 1008, reason: 'blocked' }));
    await phone.goto(`${appUrl}/join/${createSession.session.code}`);
    await phone.getByLabel('Your nickname').fill('Dot');
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByText(/Reconnecting/).waitFor();
    await post('mutation ($s: ID!, $t: String!) { moveSession(sessionId: $s, hostToken: $t, action: START) { state } }', { s: createSession.session.id, t: createSession.hostToken });
    await phone.locator('#student-prompt').waitFor({ timeout: 15_000 });
    await expect(phone.locator('button.choice').count()).resolves.toBeGreaterThanOrEqual(3);
  });
});
