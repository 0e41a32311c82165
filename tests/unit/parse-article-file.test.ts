import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ArticleFileError, countWords, MAX_ARTICLE_CHARS, parseArticleFile } from '../../lib/articles/parse-article-file.ts';

const BODY = '“We are ready,” the coach told reporters on Friday.\nThe team plays on Sunday.\n';

describe('parseArticleFile', () => {
  it('reads plain text: derived title, no metadata, body unchanged', () => {
    const parsed = parseArticleFile(BODY);
    expect(parsed).toMatchObject({
      title: '“We are ready,” the coach told reporters on Friday',
      titleDerived: true,
      outlet: null,
      url: null,
      publishedAt: null,
      body: BODY,
      bodyOffset: 0,
    });
    expect(parsed.contentHash).toBe(crypto.createHash('sha256').update(BODY).digest('hex'));
  });

  it('reads front matter and keeps offsets into the file valid', () => {
    const file = `---\ntitle: Coach says team is ready\noutlet: The Valley Gazette\nurl: https://example.org/sport/ready\npublished: 2026-04-18T09:30:00Z\n---\n${BODY}`;
    const parsed = parseArticleFile(file);
    expect(parsed).toMatchObject({
      title: 'Coach says team is ready',
      titleDerived: false,
      outlet: 'The Valley Gazette',
      url: 'https://example.org/sport/ready',
      body: BODY,
    });
    expect(parsed.publishedAt?.toISOString()).toBe('2026-04-18T09:30:00.000Z');
    expect(file.slice(parsed.bodyOffset)).toBe(parsed.body);
  });

  it('accepts a bare date, CRLF line endings, and any subset of keys', () => {
    const parsed = parseArticleFile('---\r\noutlet: Radio North\r\npublished: 2026-01-05\r\n---\r\nSnow fell overnight.\r\n');
    expect(parsed.outlet).toBe('Radio North');
    expect(parsed.publishedAt?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(parsed.title).toBe('Snow fell overnight');
    expect(parsed.body).toBe('Snow fell overnight.\r\n');
  });

  it('accepts an empty front-matter block', () => {
    const parsed = parseArticleFile('---\n---\nRain is expected on Sunday.');
    expect(parsed.body).toBe('Rain is expected on Sunday.');
    expect(parsed.bodyOffset).toBe(8);
  });

  it('leaves a text that merely contains --- lines alone', () => {
    const text = 'Markets fell sharply.\n---\nAnalysts were surprised.';
    expect(parseArticleFile(text).body).toBe(text);
  });

  it.each([
    ['---\ntitel: x\n---\nText.', 'front matter: unknown key "titel" (allowed: title, outlet, url, published)'],
    ['---\nurl: javascript:alert(1)\n---\nText.', 'front matter: "url" must be an http(s) URL'],
    ['---\npublished: next Tuesday\n---\nText.', 'front matter: "published" must be a date such as 2025-06-15'],
    ['---\npublished: June 15, 2025\n---\nText.', 'front matter: "published" must be a date such as 2025-06-15'],
    ['---\npublished: 2025-06-15 18:30\n---\nText.', 'front matter: "published" must be a date such as 2025-06-15'],
    ['---\npublished: 2025-02-30\n---\nText.', 'front matter: "published" must be a date such as 2025-06-15'],
    ['---\ntitle: [unclosed\n---\nText.', 'front matter is not valid YAML'],
    ['---\n- a\n- b\n---\nText.', 'front matter must be a list of "key: value" lines'],
    ['---\ntitle: Only metadata\n---\n', 'the article has no text'],
    ['', 'the article has no text'],
  ])('refuses %j with a clear message', (text, message) => {
    expect(() => parseArticleFile(text)).toThrow(ArticleFileError);
    expect(() => parseArticleFile(text)).toThrow(message);
  });

  it('refuses text over the size limit', () => {
    expect(() => parseArticleFile('a '.repeat(MAX_ARTICLE_CHARS))).toThrow(/limit is 100000/);
  });
});

describe('countWords', () => {
  it('counts words with apostrophes, numbers and hyphens as one', () => {
    expect(countWords('It’s a 7-2 vote, the U.S. team’s third — in 2026.')).toBe(10);
    expect(countWords('')).toBe(0);
  });
});
