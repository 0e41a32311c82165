// A person plays a whole quiz on the seed articles: answers right and wrong,
// sees the evidence after each answer, finishes, and finds their nickname on
// the leaderboard. Screenshots of the play and results screens.
import { describe, expect, it } from 'vitest';
import { appUrl, chromiumMissing, screenshotPath, useBrowser } from '../helpers/browser-suite.ts';

describe.skipIf(Boolean(chromiumMissing))('playing a quiz in Chromium', () => {
  const browser = useBrowser();

  it('plays every question, with feedback and evidence, to the results and the leaderboard', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(appUrl);
    const story = page.getByRole('list', { name: 'Quizzes' }).getByRole('listitem').filter({ hasText: 'Story' }).first();
    await story.getByRole('link', { name: /^Play/ }).click();
    await page.getByLabel(/Your nickname/).fill('E2E Ada');
    await page.getByRole('radio', { name: /^Accuracy/ }).check();
    await page.getByRole('button', { name: 'Start' }).click();

    let answered = 0;
    let sawRight = false;
    let sawWrong = false;
    for (;;) {
      const choices = page.locator('button.choice');
      await choices.first().waitFor();
      if (answered === 0) await page.screenshot({ path: screenshotPath('play-question.png'), fullPage: true });
      // Alternate the first and the last choice: some answers right, some wrong.
      const pick = answered % 2 === 0 ? choices.first() : choices.last();
      if (answered % 3 === 2) await page.keyboard.press('2');
      else await pick.click();
      const verdict = page.locator('.verdict');
      await verdict.waitFor();
      const text = await verdict.innerText();
      if (/Correct/.test(text)) sawRight = true;
      else sawWrong = true;
      // The evidence is shown, with its sentence marked, and the right answer is named in words.
      await expect(page.locator('.evidence mark').innerText()).resolves.not.toBe('');
      await expect(page.getByText('✓ Correct answer').count()).resolves.toBe(1);
      if (answered === 0) await page.screenshot({ path: screenshotPath('play-feedback.png'), fullPage: true });
      answered += 1;
      const next = page.getByRole('button', { name: /Next question|See your results/ });
      const label = await next.innerText();
      await next.click();
      if (/results/.test(label)) break;
    }
    expect(sawRight).toBe(true);
    expect(sawWrong).toBe(true);

    await page.waitForURL(/\/results\//);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Results');
    await expect(page.locator('.answer-review > li').count()).resolves.toBe(answered);
    await expect(page.locator('.answer-review .evidence mark').count()).resolves.toBe(answered);
    await page.screenshot({ path: screenshotPath('results.png'), fullPage: true });

    await page.getByRole('main').getByRole('link', { name: 'Leaderboard', exact: true }).click();
    await page.waitForURL(/\/leaderboard/);
    await expect(page.locator('table.board').innerText()).resolves.toContain('E2E Ada');
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/You \(E2E Ada\): #\d+/);
    await page.screenshot({ path: screenshotPath('leaderboard.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a refresh resumes the same question with the score kept', async () => {
    const page = await browser().newPage();
    await page.goto(appUrl);
    await page.getByRole('list', { name: 'Quizzes' }).getByRole('link', { name: /^Play/ }).first().click();
    await page.getByLabel(/Your nickname/).fill('Refresher');
    await page.getByRole('radio', { name: /^Accuracy/ }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    // Answer the first question (whatever the outcome), go on to the second, then reload.
    await page.locator('button.choice').first().click();
    await page.locator('.verdict').waitFor();
    const scoreAfterFirst = await page.locator('.game-status strong').first().innerText();
    await page.getByRole('button', { name: 'Next question' }).click();
    const prompt = await page.locator('#prompt').innerText();
    await page.reload();
    await page.locator('#prompt').waitFor();
    await expect(page.locator('#prompt').innerText()).resolves.toBe(prompt);
    await expect(page.locator('.game-status').innerText()).resolves.toMatch(/Question 2 of/);
    await expect(page.locator('.game-status strong').first().innerText()).resolves.toBe(scoreAfterFirst);
    await page.close();
  });

  it('works on a phone: big choices, no sideways scrolling', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(appUrl);
    await page.getByRole('list', { name: 'Quizzes' }).getByRole('link', { name: /^Play/ }).first().tap();
    await page.getByLabel(/Your nickname/).fill('Phone');
    await page.getByRole('button', { name: 'Start' }).tap();
    const choice = page.locator('button.choice').first();
    await choice.waitFor();
    const box = await choice.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('play-phone.png'), fullPage: true });
    await page.close();
  });
});
