// Presentation facts derived from an article's text.

const WORDS_PER_MINUTE = 230;

/** Paragraphs are the non-empty lines of the body (news files put one per line). */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
