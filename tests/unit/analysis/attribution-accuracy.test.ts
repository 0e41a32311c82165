// Attribution and WHO_SAID/WHO_CALLED answer keys against our hand-keyed
// articles: tests/fixtures/articles (the set the rules were developed on) and
// tests/fixtures/holdout and holdout2 (written apart from the rules, to
// measure how they generalise). Precision comes first: a wrong key is the worst bug this
// product can have.
import { describe, expect, it } from 'vitest';
import { evaluateAttribution, FIXTURES_DIR, HOLDOUT2_DIR, HOLDOUT_DIR, loadFixtures } from '../../helpers/attribution-eval.ts';
import { scoreQuestions } from '../../helpers/question-eval.ts';

describe.each([
  ['development set', FIXTURES_DIR],
  ['first held-out set', HOLDOUT_DIR],
  ['second held-out set', HOLDOUT2_DIR],
])('attribution on the %s', (_name, dir) => {
  const fixtures = loadFixtures(dir);

  it('has a varied corpus to measure on', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    expect(fixtures.flatMap((f) => f.expected.quotes).length).toBeGreaterThanOrEqual(100);
  });

  it('finds every quotation the keys list', () => {
    const { results } = evaluateAttribution(fixtures);
    expect(results.filter((r) => r.outcome === 'not-found')).toEqual([]);
  });

  it('names the right speaker for at least 93% of the quotations it attributes, and attributes at least 65%', () => {
    const { precision, coverage } = evaluateAttribution(fixtures);
    expect(precision).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeGreaterThanOrEqual(0.65);
  });

  it('keys at least 95% of WHO_SAID / WHO_CALLED questions right, and asks about at least 70% of quotations with a named speaker', () => {
    const score = scoreQuestions(fixtures);
    expect(score.asked).toBeGreaterThan(50);
    expect(score.correct / score.asked).toBeGreaterThanOrEqual(0.95);
    expect(score.covered / score.eligible).toBeGreaterThanOrEqual(0.7);
  });
});
