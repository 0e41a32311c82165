// The structure of an article's text: its blocks (paragraphs and section
// headings, one per line, with offsets into the body) and reading time.
// Offsets count UTF-16 code units, as JavaScript strings do.

const WORDS_PER_MINUTE = 230;

export type BlockKind = 'HEADING' | 'PARAGRAPH';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  start: number;
  end: number;
}

const MAX_HEADING_CHARS = 80;
const MAX_HEADING_WORDS = 10;

/**
 * A section heading inside an article ("What The Author Thinks"): a short line
 * that is not a sentence (no closing punctuation, no colon, no quotation) and
 * is followed by more text.
 */
function looksLikeHeading(line: string, hasFollowingText: boolean): boolean {
  if (!hasFollowingText || line.length > MAX_HEADING_CHARS) return false;
  if (line.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (/[.!?,;:…"“”'‘’)\]]$/.test(line) || /[:“”"]/.test(line)) return false;
  return /^[\p{Lu}\p{N}]/u.test(line);
}

export function blocksOf(body: string): TextBlock[] {
  const lines: { text: string; start: number }[] = [];
  const pattern = /[^\r\n]+/g;
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const leading = match[0].length - match[0].trimStart().length;
    const text = match[0].trim();
    if (text) lines.push({ text, start: match.index + leading });
  }
  return lines.map((line, index) => ({
    // The first line is the article's own opening (or headline), never a section heading.
    kind: index > 0 && looksLikeHeading(line.text, index < lines.length - 1) ? 'HEADING' : 'PARAGRAPH',
    text: line.text,
    start: line.start,
    end: line.start + line.text.length,
  }));
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
