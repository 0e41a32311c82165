// Choosing and ordering answer choices: deterministic (the same question
// always shows the same order), distinct, and never two names for one person.
import crypto from 'node:crypto';

export function hashOf(...parts: string[]): string {
  return crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** A stable, well-mixed order of the choices for this question. */
export function orderChoices(key: string, choices: string[]): string[] {
  return [...choices].sort((a, b) => hashOf(key, a).localeCompare(hashOf(key, b)));
}

export function normaliseChoice(value: string): string {
  return value
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”"]/g, '')
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}' ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Up to `count` distractors from the candidates, in order of preference: no
 * duplicates, nothing equal to the answer, and for names nothing sharing the
 * answer's surname (so no distractor can name the same person).
 */
export function pickDistractors(answer: string, candidates: Iterable<string>, count: number, options: { names?: boolean } = {}): string[] {
  const taken = new Set([normaliseChoice(answer)]);
  const surname = (name: string) => normaliseChoice(name).split(' ').at(-1) ?? '';
  const picked: string[] = [];
  for (const candidate of candidates) {
    const normal = normaliseChoice(candidate);
    if (!normal || taken.has(normal)) continue;
    // "Exporters will pay the price" and "… the price for this." are one choice twice.
    if ([...taken].some((t) => t.length > 12 && normal.length > 12 && (t.includes(normal) || normal.includes(t)))) continue;
    if (options.names && (surname(candidate) === surname(answer) || normal.includes(normaliseChoice(answer)) || normaliseChoice(answer).includes(normal))) continue;
    taken.add(normal);
    picked.push(candidate);
    if (picked.length === count) break;
  }
  return picked;
}

/**
 * A quotation as a question shows it: the exact words without a trailing
 * comma, cut to whole sentences when long, so it is always found verbatim in
 * the article.
 */
export function quoteExcerpt(text: string, maxLength = 200): string {
  // "… again,'" → "… again'": a trailing comma goes, a closing inner quote stays.
  const excerpt = text.trim().replace(/[\s,;:—–-]+$/, '').replace(/[,;:]+(['’"”])$/, '$1');
  if (excerpt.length <= maxLength) return excerpt;
  const ends = sentenceEnds(excerpt);
  const fitting = ends.filter((end) => end <= maxLength).at(-1);
  if (fitting) return excerpt.slice(0, fitting);
  const first = ends[0];
  return first !== undefined && first <= maxLength * 1.75 ? excerpt.slice(0, first) : excerpt;
}

// A full stop after these does not end a sentence ("Mr. Shaw", "the U.S. team").
const ABBREVIATION = /(?:^|[\s(‘'“"])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Pres|St|Jr|Sr|Inc|Co|Corp|No|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$/;

/** Offsets just past each sentence end in a quotation, skipping abbreviations. */
export function sentenceEnds(text: string): number[] {
  return [...text.matchAll(/[.!?]["”’']?(?=\s)/g)]
    .filter((m) => !(m[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(0, m.index! - 6), m.index! + 1))))
    .map((m) => m.index! + m[0].length);
}

/** The first sentence of a quotation (all of it when it is one sentence). */
export function firstSentenceOf(text: string, maxLength = 160): string {
  const end = sentenceEnds(text)[0];
  return quoteExcerpt(end ? text.slice(0, end) : text, maxLength);
}
