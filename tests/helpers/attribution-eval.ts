// Scores the engine's quote attribution against the hand-checked keys in
// tests/fixtures/articles/*.expected.json (our own articles, written for
// these tests).
import fs from 'node:fs';
import path from 'node:path';
import { analyseArticle } from '../../lib/analysis/analyse-article.ts';
import { PROJECT_ROOT } from '../../lib/paths.ts';

export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'articles');
/** Sets written apart from the first and from the engine, to measure how the rules generalise. */
export const HOLDOUT_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'holdout');
export const HOLDOUT2_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'holdout2');

export interface ExpectedQuote {
  text: string;
  speaker: string | null;
  kind: 'direct' | 'partial' | 'scare';
}

export interface Fixture {
  slug: string;
  text: string;
  expected: { outlet: string | null; people: { name: string; aliases: string[] }[]; quotes: ExpectedQuote[] };
}

export function loadFixtures(dir = FIXTURES_DIR): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.txt$/, '');
      return {
        slug,
        text: fs.readFileSync(path.join(dir, file), 'utf8'),
        expected: JSON.parse(fs.readFileSync(path.join(dir, `${slug}.expected.json`), 'utf8')),
      };
    });
}

const normal = (value: string) =>
  value.toLowerCase().replace(/[’']/g, "'").replace(/^(?:a|an|the)\s+/, '').replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();

export interface QuoteResult {
  slug: string;
  text: string;
  expected: string | null;
  actual: string | null;
  outcome: 'correct' | 'wrong' | 'missed' | 'correctly-null' | 'invented' | 'not-found';
}

export function evaluateAttribution(fixtures = loadFixtures()): { results: QuoteResult[]; precision: number; coverage: number } {
  const results: QuoteResult[] = [];
  for (const fixture of fixtures) {
    const analysis = analyseArticle(fixture.text);
    const used = new Set<number>();
    for (const want of fixture.expected.quotes) {
      const index = analysis.quotes.findIndex((q, i) => !used.has(i) && normal(q.text) === normal(want.text));
      if (index === -1) {
        results.push({ slug: fixture.slug, text: want.text, expected: want.speaker, actual: null, outcome: 'not-found' });
        continue;
      }
      used.add(index);
      const actual = analysis.quotes[index]!.speaker?.name ?? null;
      let outcome: QuoteResult['outcome'];
      if (want.speaker === null) outcome = actual === null ? 'correctly-null' : 'invented';
      else if (actual === null) outcome = 'missed';
      else outcome = normal(actual) === normal(want.speaker) ? 'correct' : 'wrong';
      results.push({ slug: fixture.slug, text: want.text, expected: want.speaker, actual, outcome });
    }
  }
  const count = (o: QuoteResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const attributed = count('correct') + count('wrong') + count('invented');
  const withSpeaker = results.filter((r) => r.expected !== null).length;
  return { results, precision: attributed ? count('correct') / attributed : 1, coverage: withSpeaker ? count('correct') / withSpeaker : 1 };
}
