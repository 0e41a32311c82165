import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../../lib/analysis/find-quotations.ts';

const texts = (text: string) => findQuotations(text).map((q) => q.text);

describe('findQuotations', () => {
  it('finds curly, straight and single-quoted quotations with exact offsets', () => {
    const text = '“We are ready,” she said. He called it "a farce". ‘No deal’: minister walks out';
    const found = findQuotations(text);
    expect(found.map((q) => q.text)).toEqual(['We are ready,', 'a farce', 'No deal']);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('does not take apostrophes for quotation marks', () => {
    expect(texts('Iran’s leaders didn’t say. The players’ union’s chief spoke.')).toEqual([]);
    expect(texts("It's the council's plan, isn't it?")).toEqual([]);
  });

  it('keeps a quotation that runs over paragraphs as linked parts', () => {
    const text = '“The first part goes on\n“and the second part ends here,” she said.';
    const [first, second] = findQuotations(text);
    expect(first).toMatchObject({ text: 'The first part goes on', open: true, continued: false });
    expect(second).toMatchObject({ text: 'and the second part ends here,', open: false, continued: true });
  });

  it('treats a quotation inside a quotation as part of it', () => {
    expect(texts('“He told me ‘never again’ and left,” Ruiz said.')).toEqual(['He told me ‘never again’ and left,']);
  });
});
