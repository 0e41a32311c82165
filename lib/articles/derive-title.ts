// A headline for article text that came without one: the opening line when it
// reads like a headline, otherwise the opening sentence cut at a natural
// boundary (a clause break, then a word break) so it fits on a card.

const MAX_TITLE = 90;
const MIN_CLAUSE = 25;

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first line when it looks like a headline: short, and not a finished sentence. */
export function headlineLine(body: string): string | undefined {
  const lines = body.split(/\r?\n/);
  const first = tidy(lines[0] ?? '');
  const rest = lines.slice(1).join('\n').trim();
  if (!first || !rest) return undefined;
  if (first.length > 150 || /[.!?:;,]["'”’)]?$/.test(first)) return undefined;
  return first;
}

function firstSentence(text: string): string {
  // Ends at . ! ? followed by a space and a capital/quote; abbreviations such as "U.S." stay inside.
  const match = /^(.+?[.!?]["'”’)]?)(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/s.exec(text);
  const sentence = match?.[1] ?? text;
  return /(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Jr|Sr)\.)$/.test(sentence) && match
    ? tidy(text.slice(0, MAX_TITLE * 2))
    : sentence;
}

function shorten(sentence: string): string {
  const text = sentence.replace(/[.!?]+["'”’)]?$/, (end) => (/[!?]/.test(end) ? end : '')).trim();
  if (text.length <= MAX_TITLE) return text;
  const window = text.slice(0, MAX_TITLE + 1);
  // Prefer the last clause break (comma, semicolon, dash) that leaves a useful title.
  const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(' — '), window.lastIndexOf(' – '));
  if (clause >= MIN_CLAUSE) return text.slice(0, clause).trim();
  const space = window.lastIndexOf(' ');
  return `${text.slice(0, space > MIN_CLAUSE ? space : MAX_TITLE).replace(/[,;:\s]+$/, '')}…`;
}

export function deriveTitle(body: string): string {
  const text = tidy(body);
  if (!text) return 'Untitled article';
  const headline = headlineLine(body);
  if (headline) return shorten(headline);
  return shorten(firstSentence(text));
}
