// NUMBER — what figure did the article give? The sentence with the figure
// blanked out, the figure, and wrong figures near it, written the same way
// ("9" → "7", "12"; "nine" → "seven"; "$4.5 million" → "$3.4 million").
import type { Figure } from '../analysis/find-figures.ts';
import { parseNumber } from '../analysis/find-figures.ts';
import { hashOf, orderChoices } from './choices.ts';
import { evidenceOf } from './evidence.ts';
import type { ArticleForQuestions, Question } from './question.ts';

const MAX_PER_ARTICLE = 2;
const MAX_SENTENCE = 300;
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const TENS: Record<number, string> = { 30: 'thirty', 40: 'forty', 50: 'fifty', 60: 'sixty', 70: 'seventy', 80: 'eighty', 90: 'ninety' };

/** A value as a number word, when there is a single word for it. */
function asWord(value: number): string | undefined {
  if (!Number.isInteger(value)) return undefined;
  return value <= 20 ? WORDS[value] : TENS[value];
}

/** Writes `value` the way `original` writes its figure. */
export function formatLike(original: string, value: number): string | undefined {
  const lower = original.toLowerCase();
  if (WORDS.includes(lower) || Object.values(TENS).includes(lower)) {
    // A figure written as a word gets wrong figures written as words, or none.
    const word = asWord(value);
    if (!word) return undefined;
    return /^[A-Z]/.test(original) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  }
  const prefix = /^[$€£]/.exec(original)?.[0] ?? '';
  const scaleWord = /\s*(thousand|million|billion|trillion|bn|m|k)\b/i.exec(original);
  const suffix = /%$/.test(original) ? '%' : /\s+percent$/i.test(original) ? ' percent' : '';
  const scale = scaleWord ? ({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, k: 1e3 } as Record<string, number>)[scaleWord[1]!.toLowerCase()]! : 1;
  const shown = value / scale;
  const decimals = /\.(\d+)/.exec(original.replace(/[^\d.]/g, ''))?.[1]?.length ?? 0;
  const digits = decimals ? shown.toFixed(decimals) : String(Math.round(shown));
  const grouped = /\d,\d{3}/.test(original) ? Number(digits).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : digits;
  return `${prefix}${grouped}${scaleWord ? scaleWord[0] : ''}${suffix}`;
}

/** Wrong values near the right one: close enough to need reading, never equal once written. */
function nearbyValues(figure: Figure): number[] {
  const v = figure.value;
  const integer = Number.isInteger(v) && !/\.\d/.test(figure.text);
  const worded = /^[a-z]+$/i.test(figure.text);
  const candidates = worded && v >= 20
    ? [v - 10, v + 10, v + 20, v - 20, v * 2]
    : v < 10 && integer
      ? [v + 2, v - 2, v + 3, v + 1, v - 1, v * 2]
      : [v * 0.75, v * 1.5, v * 2, v * 1.25, v * 0.5].map((x) => (integer ? Math.round(x) : Number(x.toPrecision(2))));
  return candidates.filter((x) => x > 0 && (figure.type !== 'PERCENT' || x <= 100));
}

export function numberQuestions(article: ArticleForQuestions): Question[] {
  const { analysis } = article;
  const { text } = analysis;
  const questions: Question[] = [];
  const used = new Set<number>();
  // Qualified figures ("at least 9") and figures in digits first: they are the claims worth checking.
  const figures = [...analysis.figures].sort((a, b) => Number(!!b.qualifier) - Number(!!a.qualifier) || Number(/\d/.test(b.text)) - Number(/\d/.test(a.text)) || a.start - b.start);
  for (const figure of figures) {
    if (questions.length === MAX_PER_ARTICLE) break;
    if (used.has(figure.sentence.start) || figure.sentence.end - figure.sentence.start > MAX_SENTENCE) continue;
    const others = analysis.figures.filter((f) => f !== figure && f.sentence.start === figure.sentence.start).map((f) => f.value);
    const answer = figure.text;
    const written = new Set([answer.toLowerCase()]);
    const distractors: string[] = [];
    for (const value of nearbyValues(figure)) {
      if (value === figure.value || others.includes(value)) continue;
      const shown = formatLike(answer, value);
      if (shown === undefined || written.has(shown.toLowerCase()) || parseNumber(shown) === figure.value) continue;
      written.add(shown.toLowerCase());
      distractors.push(shown);
      if (distractors.length === 3) break;
    }
    if (distractors.length < 2) continue;
    used.add(figure.sentence.start);
    const blanked = `${text.slice(figure.sentence.start, figure.start)}___${text.slice(figure.end, figure.sentence.end)}`;
    const key = hashOf('NUMBER', article.key, String(figure.start));
    questions.push({
      key,
      type: 'NUMBER',
      prompt: `What figure does the article give? “${blanked.trim()}”`,
      choices: orderChoices(key, [answer, ...distractors]),
      answer,
      quote: null,
      explanation: `The article gives the figure as ${figure.qualifier ? `${figure.qualifier} ` : ''}${answer}; the other choices are close but not what it says.`,
      evidence: evidenceOf(article, figure.sentence),
    });
  }
  return questions;
}
