// Titles for article text that came without one. The test articles are our own.
import { describe, expect, it } from 'vitest';
import { deriveTitle } from '../../lib/articles/derive-title.ts';

describe('deriveTitle', () => {
  it('uses a headline-like first line', () => {
    const text = 'Storm closes coastal highway for third day\nHeavy rain kept Route 9 shut on Wednesday, officials said.';
    expect(deriveTitle(text)).toBe('Storm closes coastal highway for third day');
  });

  it('keeps a headline that contains a quotation', () => {
    const text = '‘We will not back down,’ union leader says as strike enters week two\nWorkers gathered outside the plant.';
    expect(deriveTitle(text)).toBe('‘We will not back down,’ union leader says as strike enters week two');
  });

  it('uses a short opening sentence without its full stop', () => {
    expect(deriveTitle('The city council approved the budget on Monday. The vote was 7-2.')).toBe(
      'The city council approved the budget on Monday',
    );
  });

  it('does not stop at abbreviations such as U.S. inside the first sentence', () => {
    expect(deriveTitle('The U.S. Senate passed the bill late on Friday. It now goes to the House.')).toBe(
      'The U.S. Senate passed the bill late on Friday',
    );
  });

  it('cuts a long opening sentence at a clause boundary', () => {
    const text =
      'President Trump expressed his opposition to Israeli plans to kill Iran’s supreme leader, Ayatollah Ali Khamenei, The Associated Press (AP) reported Sunday night, citing a U.S. official familiar with the matter.';
    expect(deriveTitle(text)).toBe('President Trump expressed his opposition to Israeli plans to kill Iran’s supreme leader');
  });

  it('cuts a long sentence without clause breaks at a word, with an ellipsis', () => {
    const text =
      'Researchers studying the migration patterns of monarch butterflies across three continents and two hemispheres found that warmer winters shift their routes northward by hundreds of miles each decade.';
    const title = deriveTitle(text);
    expect(title.length).toBeLessThanOrEqual(111);
    expect(title.endsWith('…')).toBe(true);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });

  it('does not treat a first paragraph that ends in a full stop as a headline', () => {
    const text = 'Officials confirmed the closure.\nMore details followed.';
    expect(deriveTitle(text)).toBe('Officials confirmed the closure');
  });

  it('leaves out a scene-setting lead-in clause and keeps the news', () => {
    expect(
      deriveTitle(
        'Amid rising flood waters along the river, the regional government ordered the evacuation of 4,000 homes on Tuesday, officials said.',
      ),
    ).toBe('The regional government ordered the evacuation of 4,000 homes on Tuesday');
    expect(deriveTitle('Hours after the vote, the prime minister announced she would resign at the end of the month.')).toBe(
      'The prime minister announced she would resign at the end of the month',
    );
  });

  it('keeps a lead-in when what follows is too short to stand alone', () => {
    expect(deriveTitle('After a tense night, rescuers reached the miners.')).toBe('After a tense night, rescuers reached the miners');
  });

  it('keeps a question mark', () => {
    expect(deriveTitle('Is the four-day week here to stay? Employers are divided.')).toBe('Is the four-day week here to stay?');
  });

  it('falls back for empty text', () => {
    expect(deriveTitle('  \n ')).toBe('Untitled article');
  });
});
