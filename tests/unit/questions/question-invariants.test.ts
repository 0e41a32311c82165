// Properties every generated question must have, checked over the seeds and
// all our hand-keyed articles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildQuestions, type ArticleText } from '../../../lib/questions/build-questions.ts';
import { normaliseChoice } from '../../../lib/questions/choices.ts';
import type { Question } from '../../../lib/questions/question.ts';
import { SEEDS_DIR } from '../../../lib/paths.ts';
import { loadFixtures } from '../../helpers/attribution-eval.ts';

const fixtures = loadFixtures();
const seedTexts: ArticleText[] = fs
  .readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ key: f, title: f, outlet: null, text: fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8') }));
const fixtureTexts: ArticleText[] = fixtures.map((f) => ({ key: f.slug, title: f.slug, outlet: null, text: f.text }));

function allQuestions(texts: ArticleText[]): { text: string; question: Question }[] {
  const built = buildQuestions(texts);
  const textOf = new Map(texts.map((t) => [t.key, t.text]));
  return [...built.articles.flatMap((a) => a.questions), ...built.stories.flatMap((s) => s.questions)].map((question) => ({
    text: textOf.get(question.evidence.article)!,
    question,
  }));
}

const everything = [...allQuestions(seedTexts), ...allQuestions(fixtureTexts)];
const normalQuote = (s: string) => s.replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

describe('every generated question', () => {
  it('exists in quantity and in every type', () => {
    const types = new Set(everything.map((e) => e.question.type));
    expect([...types].sort()).toEqual(['FACT_OR_OPINION', 'NUMBER', 'QUOTE_MATCH', 'SOURCE', 'WHAT_SAID', 'WHO_CALLED', 'WHO_SAID']);
  });

  it('has 3–4 distinct choices, one of which is the answer', () => {
    for (const { question } of everything) {
      expect(question.choices.length, question.prompt).toBeGreaterThanOrEqual(3);
      expect(question.choices.length, question.prompt).toBeLessThanOrEqual(4);
      expect(new Set(question.choices.map(normaliseChoice)).size, question.prompt).toBe(question.choices.length);
      expect(question.choices, question.prompt).toContain(question.answer);
    }
  });

  it('has evidence that is the exact text at its offsets, and contains the quotation asked about', () => {
    for (const { text, question } of everything) {
      expect(text.slice(question.evidence.start, question.evidence.end)).toBe(question.evidence.sentence);
      if (question.quote && question.type !== 'WHAT_SAID') expect(normalQuote(question.evidence.sentence)).toContain(normalQuote(question.quote));
      if (question.type === 'WHAT_SAID') expect(question.evidence.sentence).toContain(question.answer);
    }
  });

  it('never offers a distractor that names the answer’s person (by the keys’ aliases)', () => {
    for (const fixture of fixtures) {
      const questions = everything.filter((e) => e.question.evidence.article === fixture.slug && ['WHO_SAID', 'WHO_CALLED'].includes(e.question.type));
      for (const { question } of questions) {
        const person = fixture.expected.people.find((p) => p.name === question.answer);
        if (!person) continue;
        const names = [person.name, ...person.aliases].map(normaliseChoice);
        const wrong = question.choices.filter((c) => c !== question.answer);
        for (const choice of wrong) expect(names, question.prompt).not.toContain(normaliseChoice(choice));
      }
    }
  });

  it('is the same every time for the same input', () => {
    expect(allQuestions(seedTexts)).toEqual(allQuestions(seedTexts));
    const reversed = allQuestions([...seedTexts].reverse()).map((e) => e.question.key).sort();
    expect(reversed).toEqual(allQuestions(seedTexts).map((e) => e.question.key).sort());
  });
});

describe('the seed articles', () => {
  const seeds = allQuestions(seedTexts).map((e) => e.question);
  const plain = (s: string | null) => (s ?? '').replace(/’/g, "'");

  it('ask who said “It’s possible we could get involved” — Donald Trump', () => {
    const question = seeds.find((q) => q.type === 'WHO_SAID' && plain(q.quote).includes("It's possible we could get involved"));
    expect(question?.answer).toBe('Donald Trump');
    expect(plain(question?.evidence.sentence ?? '')).toContain('Trump told ABC News');
  });

  it('ask who called the reports “fake” — Benjamin Netanyahu', () => {
    const question = seeds.find((q) => q.type === 'WHO_CALLED' && q.quote === 'fake');
    expect(question?.answer).toBe('Benjamin Netanyahu');
    expect(question?.prompt).toBe('Who dismissed reports of the plan and Trump’s rejection, calling them “fake”?');
  });

  it('match the two wordings of Trump’s remark across the articles', () => {
    const question = seeds.find((q) => q.type === 'QUOTE_MATCH');
    expect(question?.choices).toEqual(
      expect.arrayContaining([
        'We’re not involved in it. It’s possible we could get involved. But we are not at this moment involved',
        'We’re not involved in it now. It’s possible we could be, but at the moment we are not',
      ]),
    );
  });

  it('ask about the opinion section of the second article', () => {
    const question = seeds.find((q) => q.type === 'FACT_OR_OPINION' && q.answer === 'The author’s own opinion');
    expect(question?.explanation).toContain('What The Author Thinks');
  });

  it('give the figure “at least 9” with nearby wrong figures', () => {
    const question = seeds.find((q) => q.type === 'NUMBER' && q.answer === '9');
    expect(question?.prompt).toContain('at least ___ nuclear scientists');
    expect(question?.choices.filter((c) => c !== '9').every((c) => /^\d+$/.test(c) && Math.abs(Number(c) - 9) <= 9)).toBe(true);
  });
});
