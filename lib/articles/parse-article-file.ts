// Reads an article file: plain text with an optional YAML front-matter block
//
//   ---
//   title: Trump opposed Israeli plan to kill Khamenei, official says
//   outlet: The Associated Press
//   url: https://example.com/story
//   published: 2025-06-15
//   ---
//   Article text…
//
// Every key is optional. The body is kept exactly as written (offsets into it
// stay valid); `bodyOffset` says where it starts in the file.
import crypto from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { deriveTitle } from './derive-title.ts';

export const MAX_ARTICLE_CHARS = 100_000;

export interface ParsedArticle {
  title: string;
  titleDerived: boolean;
  outlet: string | null;
  url: string | null;
  publishedAt: Date | null;
  body: string;
  /** Where the body starts in the file's text. */
  bodyOffset: number;
  wordCount: number;
  /** sha256 of the whole file text. */
  contentHash: string;
}

export class ArticleFileError extends Error {
  override name = 'ArticleFileError';
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

// Dates are ISO 8601 only, and a time needs its zone, so a file means the same on every server.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** 2025-02-30 parses (as 2 March) but is no day of the calendar. */
function isCalendarDay(isoDay: string): boolean {
  return new Date(`${isoDay}T00:00:00Z`).toISOString().startsWith(isoDay);
}

const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').optional(),
    outlet: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    url: z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'must be an http(s) URL')
      .optional(),
    published: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const date = ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : ISO_DATE_TIME.test(value) ? new Date(value) : null;
        if (!date || Number.isNaN(date.getTime()) || !isCalendarDay(value.slice(0, 10))) {
          ctx.addIssue({ code: 'custom', message: 'must be a date such as 2025-06-15 or 2025-06-15T18:30:00Z' });
          return z.NEVER;
        }
        return date;
      })
      .optional(),
  })
  .strict();

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

export function parseArticleFile(text: string): ParsedArticle {
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new ArticleFileError(`the article is ${text.length} characters long; the limit is ${MAX_ARTICLE_CHARS}`);
  }
  let meta: z.infer<typeof frontMatterSchema> = {};
  let bodyOffset = text.startsWith('\uFEFF') ? 1 : 0;
  const block = FRONT_MATTER.exec(text);
  if (block) {
    let raw: unknown;
    try {
      // The core schema reads dates as plain strings; zod checks them below.
      raw = parseYaml(block[1] ?? '', { schema: 'core' }) ?? {};
    } catch (error) {
      throw new ArticleFileError(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ArticleFileError('front matter must be a list of "key: value" lines');
    }
    const parsed = frontMatterSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: title, outlet, url, published)`
          : `"${issue.path.join('.')}" ${issue.message}`;
      throw new ArticleFileError(`front matter: ${message}`);
    }
    meta = parsed.data;
    bodyOffset = block[0].length;
  }
  const body = text.slice(bodyOffset);
  if (!body.trim()) throw new ArticleFileError('the article has no text');
  const given = meta.title;
  return {
    title: given ?? deriveTitle(body),
    titleDerived: !given,
    outlet: meta.outlet ?? null,
    url: meta.url ?? null,
    publishedAt: meta.published ?? null,
    body,
    bodyOffset,
    wordCount: countWords(body),
    contentHash: crypto.createHash('sha256').update(text).digest('hex'),
  };
}

