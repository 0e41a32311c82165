import { describe, expect, it } from 'vitest';
import { blocksOf, readingMinutes } from '../../lib/articles/article-text.ts';

describe('blocksOf', () => {
  it('splits on line breaks, drops empty lines, and keeps exact offsets into the body', () => {
    const body = '  First paragraph.  \r\n\r\nSecond one, longer.\n\n\nThird.';
    const blocks = blocksOf(body);
    expect(blocks.map((b) => b.text)).toEqual(['First paragraph.', 'Second one, longer.', 'Third.']);
    for (const block of blocks) expect(body.slice(block.start, block.end)).toBe(block.text);
  });

  it('recognises section headings between paragraphs', () => {
    const body = [
      'The harbour reopened on Monday after a week of repairs, the port authority said.',
      'Repairs And Costs',
      'Crews replaced two cranes.',
      'What The Author Thinks',
      'The delay was avoidable, in my view.',
    ].join('\n');
    expect(blocksOf(body).map((b) => `${b.kind} ${b.text}`)).toEqual([
      'PARAGRAPH The harbour reopened on Monday after a week of repairs, the port authority said.',
      'HEADING Repairs And Costs',
      'PARAGRAPH Crews replaced two cranes.',
      'HEADING What The Author Thinks',
      'PARAGRAPH The delay was avoidable, in my view.',
    ]);
  });

  it.each([
    ['a sentence', 'The vote was close.'],
    ['a credit line with a colon', 'Photo credit: Jane Doe'],
    ['a quotation', '“We are ready”'],
    ['a lower-case fragment', 'and then the rain came'],
    ['the last line', null],
  ])('does not take %s for a heading', (_what, line) => {
    const body = line === null ? 'Opening paragraph here.\nFinal Word' : `Opening paragraph here.\n${line}\nMore text.`;
    expect(blocksOf(body).every((b) => b.kind === 'PARAGRAPH')).toBe(true);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute and rounds to whole minutes', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(439)).toBe(2);
    expect(readingMinutes(1000)).toBe(4);
  });
});
