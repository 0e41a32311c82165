import { describe, expect, it } from 'vitest';
import { paragraphsOf, readingMinutes } from '../../lib/articles/article-text.ts';

describe('paragraphsOf', () => {
  it('splits on line breaks, trims, and drops empty lines', () => {
    expect(paragraphsOf('  First.  \r\n\r\nSecond line.\n\n\nThird.')).toEqual(['First.', 'Second line.', 'Third.']);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute and rounds to whole minutes', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(439)).toBe(2);
    expect(readingMinutes(1000)).toBe(4);
  });
});
