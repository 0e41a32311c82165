// A headline for article text that came without one: the opening line when it
// reads like a headline, otherwise the opening sentence, without a scene-setting
// lead-in ("Amid rising tensions, …"), cut at a natural boundary (a clause
// break, then a word break) so it fits on a card.

const MAX_TITLE = 110;
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

// A full stop after these does not end a sentence ("U.S. Senate", "Dr. Ruiz").
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Pres|St|Jr|Sr|Inc|Co|Corp|No|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$/;

function firstSentence(text: string): string {
  const boundary = /[.!?]["'”’)]?(?=\s+["'“‘(]?[A-Z0-9]|\s*$)/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(0, end - 12), match.index + 1))) continue;
    return text.slice(0, end);
  }
  return text;
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

// An opening adverbial clause sets the scene; the news is in the main clause after it.
const LEAD_IN = /^(?:Amid|Amidst|After|As|While|Despite|Following|Before|Since|Although|Though|When|Because|With|Without|During|Ahead of|Facing|In|On|At|Over|Under|(?:\w+ )?(?:hours|days|weeks|months|years) (?:after|before))\b[^,]{3,100}, (?=\S)/i;
const MIN_MAIN_CLAUSE = 40;

function withoutLeadIn(sentence: string): string {
  const lead = LEAD_IN.exec(sentence);
  if (!lead) return sentence;
  const rest = sentence.slice(lead[0].length);
  if (rest.length < MIN_MAIN_CLAUSE) return sentence;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

// "…, officials said." / "…, according to two sources." — who said it is not the headline.
const TRAILING_ATTRIBUTION = /, (?:according to [^,]{3,80}|(?:[^,]{1,60} )?(?:said|says|reported|reports|confirmed|announced)(?: [^,]{0,40})?)[.!]?$/;

function withoutTrailingAttribution(sentence: string): string {
  const match = TRAILING_ATTRIBUTION.exec(sentence);
  return match && match.index >= MIN_MAIN_CLAUSE ? sentence.slice(0, match.index) : sentence;
}

export function deriveTitle(body: string): string {
  const text = tidy(body);
  if (!text) return 'Untitled article';
  const headline = headlineLine(body);
  if (headline) return shorten(headline);
  return shorten(withoutTrailingAttribution(withoutLeadIn(firstSentence(text))));
}
