// The figures an article gives in its own voice: counts, money and
// percentages ("at least 9 nuclear scientists", "$4.5 million", "38%"), not
// years, times, dates or numbers inside quotations.
import type { Quotation } from './find-quotations.ts';
import type { NumberEntity, Span } from './tokenize.ts';

export interface Figure extends Span {
  text: string;
  type: 'COUNT' | 'MONEY' | 'PERCENT';
  /** The numeric value, for choosing nearby wrong answers. */
  value: number;
  /** "at least", "about", "more than" … when the article qualifies the figure. */
  qualifier: string | null;
  sentence: Span;
}

const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const QUALIFIER = /(?:at least|at most|about|around|roughly|nearly|almost|more than|fewer than|less than|over|under|up to|some|approximately|an estimated|as many as|as much as)\s+$/i;

export function parseNumber(text: string): number | undefined {
  const clean = text.toLowerCase().replace(/[$€£%,]/g, '').replace(/\s+percent$/, '').trim();
  const match = /^(-?\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|k|m|bn))?$/.exec(clean);
  if (match) {
    const scale = match[2] ? (SCALE[match[2]] ?? { k: 1e3, m: 1e6, bn: 1e9 }[match[2]] ?? 1) : 1;
    return Number(match[1]) * scale;
  }
  if (WORD_NUMBERS[clean] !== undefined) return WORD_NUMBERS[clean];
  return undefined;
}

export function findFigures(text: string, numbers: NumberEntity[], sentences: Span[], quotations: Quotation[]): Figure[] {
  const figures: Figure[] = [];
  for (const number of numbers) {
    if (quotations.some((q) => number.start >= q.start && number.end <= q.end)) continue;
    const sentence = sentences.find((s) => s.start <= number.start && number.end <= s.end);
    if (!sentence) continue;
    const raw = number.text.trim();
    if (number.type === 'ORDINAL') continue;
    const after = text.slice(number.end, number.end + 12);
    const before = text.slice(Math.max(0, number.start - 24), number.start);
    // Years, times, dates, ages in "67," and list numbers are not claims worth a question.
    if (/^(?:1[89]|20)\d\d$/.test(raw) || /^\d{1,2}:\d\d/.test(raw + after) || /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/i.test(after)) continue;
    if (/(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s*$/.test(before)) continue;
    if (/^(?:one|a|an|1)$/i.test(raw)) continue;
    // Ages: "Linda Boutilier, 71,", "aged 58", "a 58-year-old".
    if ((/,\s*$/.test(before) && /^\s*,/.test(after) && /^\d{1,3}$/.test(raw)) || /\baged?\s*$/i.test(before) || /^[-\s]years?[-\s]old/i.test(after)) continue;
    const value = parseNumber(raw);
    if (value === undefined || !Number.isFinite(value)) continue;
    const type = number.type === 'MONEY' || /^[$€£]/.test(raw) ? 'MONEY' : number.type === 'PERCENT' || /%|percent/.test(raw) ? 'PERCENT' : 'COUNT';
    figures.push({
      text: raw,
      start: number.start,
      end: number.start + raw.length,
      type,
      value,
      qualifier: QUALIFIER.exec(before)?.[0].trim() ?? null,
      sentence,
    });
  }
  return figures;
}
