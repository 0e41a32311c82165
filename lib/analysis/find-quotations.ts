// Finds quotations in article text: “curly”, "straight" and ‘single’ marks,
// paragraph by paragraph. A quotation left open at the end of a paragraph and
// picked up by a paragraph that opens with a quote mark is one quotation over
// several paragraphs (news style); each paragraph's part is its own span.
// Quotes nested inside a quotation are part of it, not quotations of their own.

export interface Quotation {
  /** The exact text between the marks. */
  text: string;
  /** Offsets of `text` (inside the marks). */
  start: number;
  end: number;
  /** Offsets including the marks (the closing mark may be missing). */
  outerStart: number;
  outerEnd: number;
  paragraph: number;
  /** Not closed in its paragraph: the quotation goes on in the next one. */
  open: boolean;
  /** Continues a quotation left open in the previous paragraph. */
  continued: boolean;
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', '«': '»', '„': '“' };

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** A straight or single mark opens a quotation only at the start of a word. */
function canOpen(line: string, i: number): boolean {
  const ch = line[i]!;
  const before = line[i - 1];
  if (ch === '“' || ch === '«' || ch === '„') return true;
  const atWordStart = before === undefined || /[\s([{—–\-/“"]/.test(before);
  return atWordStart && line[i + 1] !== undefined && !/\s/.test(line[i + 1]!);
}

/** A straight or single mark closes a quotation only at the end of a word. */
function canClose(line: string, i: number, mark: string): boolean {
  const ch = line[i]!;
  if (ch !== mark) return false;
  if (ch === '”' || ch === '»') return true;
  // ’ inside a word is an apostrophe (Iran’s, don’t); so is a straight ' or " followed by a letter.
  return !isLetter(line[i + 1]) && line[i - 1] !== undefined && !/\s/.test(line[i - 1]!);
}

export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let paragraph = -1;
  let carried = false;
  const linePattern = /[^\r\n]+/g;
  for (let match = linePattern.exec(text); match; match = linePattern.exec(text)) {
    const line = match[0];
    if (!line.trim()) continue;
    paragraph += 1;
    const base = match.index;
    const lead = line.length - line.trimStart().length;
    const continuesOpen = carried && OPENERS[line[lead]!] !== undefined;
    carried = false;
    let openAt = -1;
    let closer = '';
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i]!;
      if (openAt === -1) {
        if (OPENERS[ch] !== undefined && ch !== '’' && canOpen(line, i)) {
          openAt = i;
          closer = OPENERS[ch]!;
        }
        continue;
      }
      if (canClose(line, i, closer) || (closer === '"' && ch === '”') || (closer === '”' && ch === '"' && !isLetter(line[i + 1]))) {
        const inner = line.slice(openAt + 1, i);
        if (inner.trim()) {
          quotations.push({
            text: inner,
            start: base + openAt + 1,
            end: base + i,
            outerStart: base + openAt,
            outerEnd: base + i + 1,
            paragraph,
            open: false,
            continued: continuesOpen && openAt === lead,
          });
        }
        openAt = -1;
      }
    }
    if (openAt !== -1) {
      const inner = line.slice(openAt + 1).trimEnd();
      // A stray mark near the end of a line is not a quotation going on.
      if (inner.split(/\s+/).length >= 3) {
        quotations.push({
          text: inner,
          start: base + openAt + 1,
          end: base + openAt + 1 + inner.length,
          outerStart: base + openAt,
          outerEnd: base + openAt + 1 + inner.length,
          paragraph,
          open: true,
          continued: continuesOpen && openAt === lead,
        });
        carried = true;
      }
    }
  }
  return quotations;
}
