// Evidence sentences: the sentences of the text, except that a quotation and
// the words that attribute it stay in one unit. “We’re not involved in it.
// It’s possible we could get involved,” Trump told ABC News. is one unit, so
// the evidence shown for the quote always names its speaker.
import type { Quotation } from './find-quotations.ts';
import type { Span } from './tokenize.ts';

export function sentenceUnits(text: string, sentences: Span[], quotations: Quotation[]): Span[] {
  const units: Span[] = [];
  for (const sentence of sentences) {
    const last = units.at(-1);
    const sameLine = last && !/[\r\n]/.test(text.slice(last.end, sentence.start));
    // Merge when a quotation that closes in this line started in the previous unit.
    const straddles =
      last &&
      sameLine &&
      quotations.some((q) => q.outerStart < sentence.start && q.outerStart >= last.start && (q.open || q.outerEnd > sentence.start));
    if (last && straddles) last.end = sentence.end;
    else units.push({ ...sentence });
  }
  return units;
}
