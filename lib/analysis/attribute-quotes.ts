// Who said each quotation: the attribution logic no NLP library does. It reads
// the words around a quotation in its sentence — “…,” X said / said X / X said:
// “…” / X told Y / according to X / X added / X called it “…” — and follows a
// speaker through pronouns, quotes that run over paragraphs, follow-on quotes
// and repeated quotes. When the text does not make the speaker clear, the
// speaker is null: questions are only built on attributions these rules are
// sure of.
import { getGender } from 'gender-detection-from-name';
import type { Quotation } from './find-quotations.ts';
import { hasKnownGivenName, personForRole, type Entity, type EntityIndex, type Mention } from './find-entities.ts';
import { PERSONAL_PRONOUNS, ROLE_NOUNS, SOURCE_NOUNS, SPEECH_VERBS, wordCount } from './lexicon.ts';
import type { Span, Token } from './tokenize.ts';

export type SpeakerKind = 'PERSON' | 'ORGANIZATION' | 'OUTLET' | 'PLACE' | 'SOURCE';

export interface Speaker {
  kind: SpeakerKind;
  /** Canonical name (people, organisations) or the source phrase ("a senior official"). */
  name: string;
  entityId?: string;
}

export type QuoteKind = 'direct' | 'partial' | 'scare';

export interface AttributedQuote extends Quotation {
  kind: QuoteKind;
  /** The words that attribute it: "said", "told ABC News", "calling them", "according to". */
  cue: string | null;
  speaker: Speaker | null;
  /** The evidence sentence unit the quotation stands in. */
  sentence: Span;
  /** The sentence unit whose words name the speaker (this one, or an earlier quote's). */
  attribution: Span | null;
  /** Where the speaker's noun phrase stands, when it is in this quote's sentence. */
  subject: Span | null;
  /** How the speaker was found: in the sentence itself, or carried from another quotation. */
  via: 'sentence' | 'continued' | 'repeated' | null;
}

interface Found {
  speaker: Speaker;
  cue: string;
  label?: boolean;
  subject?: Span;
}

const spanOf = (tokens: Token[]): Span | undefined => (tokens.length ? { start: tokens[0]!.start, end: tokens.at(-1)!.end } : undefined);

interface Context {
  text: string;
  tokens: Token[];
  index: EntityIndex;
  quotations: Quotation[];
  resolvePronoun: (word: string) => Speaker | null;
  /** Source phrases quoted so far ("a senior official"), for "the official" later. */
  sources: string[];
}

// Words that end a speaker phrase after "said": "said Smith in a statement".
const PHRASE_END = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'as', 'while', 'because', 'and', 'but', 'to', 'via', 'through', 'adding', 'saying', 'noting', 'referring', 'speaking', 'according', 'later', 'earlier', 'told', 'who', 'which', 'whose']);
const BETWEEN_SUBJECT_AND_VERB = new Set(['also', 'later', 'then', 'again', 'previously', 'recently', 'earlier', 'further', 'simply', 'flatly', 'repeatedly', 'separately', 'publicly', 'privately', 'bluntly', 'quietly', 'firmly', 'angrily', 'finally', 'has', 'had', 'have', 'would', 'will', 'reportedly', 'once', 'last', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'today', 'tonight', 'yesterday']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom']);
const LABEL_VERB = /^(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|label(?:s|led|ed|ling|ing)?|term(?:s|ed|ing)?|brand(?:s|ed|ing)?)$/;
const AS_LABEL_VERB = /^(?:describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|den(?:y|ies|ied|ying)|refer(?:s|red|ring)?|regard(?:s|ed|ing)?|portray(?:s|ed|ing)?|cast(?:s|ing)?|hail(?:s|ed|ing)?|praise[sd]?|praising|criticiz(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|blast(?:s|ed|ing)?|slam(?:s|med|ming)?)$/;

const TERM_BEFORE = /\b(?:(?:known|referred to)(?: to [^,.;“"]{1,40})? as|so-called|what (?:is|are|was|were) (?:called|known as)|nicknamed|termed|dubbed)\s*$/i;

const isPunct = (t: Token) => t.pos === 'PUNCT' || /^[,.;:!?—–-]+$/.test(t.text);
const lowerOf = (t: Token) => t.text.toLowerCase();
const isSentenceEnd = (t: Token) => /^[.!?]+$/.test(t.text);

/** A speech verb in running text ("said"), not a capitalised name part ("Secretary of State"). */
function isSpeechVerb(token: Token | undefined): boolean {
  return token !== undefined && /^[a-z]/.test(token.text) && token.pos !== 'PROPN' && SPEECH_VERBS.has(token.text);
}

function tokensBetween(ctx: Context, start: number, end: number): Token[] {
  return ctx.tokens.filter((t) => t.start >= start && t.end <= end);
}

function mentionAt(ctx: Context, token: Token): Mention | undefined {
  return ctx.index.mentions.find((m) => token.start >= m.start && token.end <= m.end);
}

const entitySpeaker = (entity: Entity): Speaker => ({ kind: entity.kind, name: entity.name, entityId: entity.id });

// Words that put a name in a dependent position: "a spokesman for Vance", "a source close to Osei".
const OWNER_PREPOSITIONS = new Set(['for', 'of', 'to', 'close', 'with', 'near', 'from', 'about', 'against', 'behind', 'around', 'like']);

/**
 * The speaker a noun phrase names: the person it names as its head ("Grace
 * Lindholm of the Pine Hollow district", "the town's lawyer, Kevin Shaw"), a
 * role exactly one person holds ("the president"), a pronoun, a source
 * phrase ("two people familiar with the matter", "a spokesman for Vance" —
 * not Vance), or an organisation. Two people ("Anna Berg and Tom Hale") are
 * no single speaker.
 */
function speakerFromPhrase(ctx: Context, phrase: Token[]): Speaker | null {
  let tokens = [...phrase];
  // "a senior diplomat who has been briefed on the talks": the source is the noun phrase.
  const relative = tokens.findIndex((t, i) => i > 0 && RELATIVE.has(lowerOf(t)));
  if (relative > 0) tokens = tokens.slice(0, relative);
  while (tokens.length && isPunct(tokens.at(-1)!) && tokens.at(-1)!.text !== '.') tokens.pop();
  while (tokens.length && isPunct(tokens[0]!)) tokens.shift();
  if (!tokens.length || tokens.length > 18) return null;
  const personOf = (t: Token) => {
    const mention = mentionAt(ctx, t);
    const entity = mention && ctx.index.byId.get(mention.entityId);
    return entity?.kind === 'PERSON' ? { mention: mention!, entity } : undefined;
  };
  const people = [...new Map(tokens.map(personOf).filter((p) => p !== undefined).map((p) => [p!.entity.id, p!])).values()];
  if (people.length >= 2 && tokens.some((t) => ['and', '&'].includes(lowerOf(t)))) return null;
  const comma = tokens.findIndex((t) => t.text === ',');
  if (comma > 0) {
    // "the town's lawyer, Kevin Shaw": the name after the comma is the speaker.
    const rest = tokens.slice(comma + 1);
    const restEnd = rest.findIndex((t) => t.text === ',');
    const appositive = restEnd === -1 ? rest : rest.slice(0, restEnd);
    const named = appositive.length ? personOf(appositive[0]!) : undefined;
    if (named && appositive.every((t) => personOf(t)?.entity.id === named.entity.id)) return entitySpeaker(named.entity);
    // "Tanya Greer, a spokeswoman for the Red Cross": the phrase before the comma.
    tokens = tokens.slice(0, comma);
  }
  const words = tokens.filter((t) => !isPunct(t) || t.text === '.');
  if (!words.length) return null;
  const first = lowerOf(words[0]!);
  if (words.length === 1 && PERSONAL_PRONOUNS[first]) return ctx.resolvePronoun(first);
  // A name followed by ’s owns the head noun: "Trump’s spokeswoman" is not Trump.
  const possessive = words.findIndex((t) => /^['’]s?$/.test(t.text));
  const head = possessive === -1 ? words : words.slice(possessive + 1);
  const headMentions = head.map((t) => mentionAt(ctx, t)).filter((m): m is Mention => m !== undefined);
  const headEntities = headMentions.map((m) => ctx.index.byId.get(m.entityId)).filter((e): e is Entity => e !== undefined);
  const startsWithName = headMentions[0] && head[0] && headMentions[0].start <= head[0].start;
  const person = headEntities.find((e) => e.kind === 'PERSON');
  if (person) {
    const at = head.findIndex((t) => mentionAt(ctx, t)?.entityId === person.id);
    const before = head.slice(0, at);
    if (startsWithName || !before.some((t) => OWNER_PREPOSITIONS.has(lowerOf(t)))) return entitySpeaker(person);
  }
  const lowerWords = head.map(lowerOf);
  // "the president", "the mayor": a role exactly one person in the article holds.
  if (possessive === -1 && lowerWords[0] === 'the' && lowerWords.length <= 4) {
    const holder = personForRole(ctx.index, lowerWords.slice(1).join(' '));
    if (holder) return entitySpeaker(holder);
    // "the official": the one source phrase with that noun quoted earlier ("a state emergency management official").
    const noun = lowerWords.at(-1)!;
    const earlier = [...new Set(ctx.sources.filter((source) => source.toLowerCase().split(/\s+/).includes(noun)))];
    if (earlier.length === 1) return { kind: 'SOURCE', name: earlier[0]! };
    if (ROLE_NOUNS.has(noun) || SOURCE_NOUNS.has(noun)) return null;
  }
  if (startsWithName && headEntities[0] && headEntities[0].kind !== 'PERSON' && headMentions[0]!.end >= head.at(-1)!.end) {
    return entitySpeaker(headEntities[0]);
  }
  if (lowerWords.some((w) => SOURCE_NOUNS.has(w)) || (headEntities[0] && headEntities[0].kind !== 'PERSON')) {
    const last = words.at(-1)!.text === '.' && words.length > 1 ? words.at(-2)! : words.at(-1)!;
    return { kind: 'SOURCE', name: ctx.text.slice(words[0]!.start, last.end) };
  }
  return null;
}

/**
 * The subject of the verb at `verbIndex`: the noun phrase before it, past
 * adverbs ("also"), a time adjunct ("on Sunday"), an appositive or a relative
 * clause between commas ("Andrea Pohl, who voted against the project, said").
 */
function subjectOf(clause: Token[], verbIndex: number): Token[] {
  let end = verbIndex;
  while (end > 0 && BETWEEN_SUBJECT_AND_VERB.has(lowerOf(clause[end - 1]!))) end -= 1;
  // "Trump on Sunday said", "Harwell late on Monday said".
  for (let back = 1; back <= 4 && end - back > 0; back += 1) {
    const token = clause[end - back]!;
    if (isPunct(token) || token.pos === 'VERB') break;
    if (['on', 'in', 'at', 'during'].includes(lowerOf(token)) && back >= 2) {
      end -= back;
      break;
    }
  }
  if (end > 0 && clause[end - 1]!.text === ',') {
    // NP , appositive-or-relative , VERB
    const close = end - 1;
    let open = close - 1;
    // (Within one sentence a full stop is an abbreviation's: "R-Ky.", "Sen.")
    while (open >= 0 && clause[open]!.text !== ',') open -= 1;
    if (open >= 0 && clause[open]!.text === ',') {
      const inner = clause.slice(open + 1, close);
      const before = clause.slice(0, open);
      const innerStartsRelative = inner[0] && (RELATIVE.has(lowerOf(inner[0])) || ['a', 'an', 'the', 'one', 'whose'].includes(lowerOf(inner[0])) || inner[0].pos === 'NUM');
      // "Marisca’s foreign minister, Andrej Kalnis, told": the name between the commas is the subject —
      // unless a name stands before the commas ("Sen. Mitch Barrow, R-Ky., said").
      const nameBefore = before.length > 0 && before.at(-1)!.pos === 'PROPN';
      if (!innerStartsRelative && !nameBefore && inner.length && inner.length <= 5 && /^[A-Z]/.test(inner[0]!.text)) return inner;
      if (innerStartsRelative || inner.length) return subjectOf(before, before.length);
    }
    return [];
  }
  let start = end;
  while (start > 0) {
    const token = clause[start - 1]!;
    if (isPunct(token) && token.text !== '.') break;
    if (['VERB', 'AUX', 'SCONJ', 'CCONJ'].includes(token.pos) && !/^[A-Z]/.test(token.text)) break;
    if (token.pos === 'ADP' && !['of', 'for', 'at', 'with', 'from'].includes(lowerOf(token))) break;
    start -= 1;
  }
  return clause.slice(start, end);
}

/** The cue words: the verb, "told" with whom, or the platform: "posted on Truth Social". */
function cueFrom(ctx: Context, tokens: Token[], verbIndex: number): string {
  const verb = tokens[verbIndex]!;
  const rest = ctx.text.slice(verb.end, verb.end + 60);
  const platform = /^ (?:on|in) (?:X|Twitter|Facebook|Instagram|Threads|LinkedIn|TikTok|Telegram|Truth Social|social media|a post|a statement|an interview|a video)\b/.exec(rest);
  if (platform) return `${verb.text}${platform[0]}`;
  if (/^(?:told|tells|tell|telling|asked)$/.test(verb.text)) {
    let end = verbIndex + 1;
    while (end < tokens.length && end <= verbIndex + 4 && !isPunct(tokens[end]!) && !PHRASE_END.has(lowerOf(tokens[end]!)) && lowerOf(tokens[end]!) !== 'that') end += 1;
    if (end > verbIndex + 1) return ctx.text.slice(verb.start, tokens[end - 1]!.end);
  }
  return verb.text;
}

/** “…,” said X / “…,” X said / “…,” X, who …, told Y — the words after the closing mark. */
function attributeAfter(ctx: Context, after: Token[]): Found | null {
  let i = 0;
  while (i < after.length && isPunct(after[i]!) && !isSentenceEnd(after[i]!)) i += 1;
  if (i >= after.length || isSentenceEnd(after[i]!) || (i > 0 && isSentenceEnd(after[i - 1]!))) return null;
  const rest = after.slice(i);
  // “…,” while a spokesperson said … — a new clause, not the quote's attribution.
  if (['SCONJ', 'CCONJ', 'ADP'].includes(rest[0]!.pos) && !isSpeechVerb(rest[0])) return null;
  if (isSpeechVerb(rest[0])) {
    let end = 1;
    while (end < rest.length && !(isPunct(rest[end]!) && rest[end]!.text !== '.') && !PHRASE_END.has(lowerOf(rest[end]!))) end += 1;
    // "said the town's lawyer, Kevin Shaw." — a name in apposition after the comma.
    let phrase = rest.slice(1, end);
    // "said Anna Berg and Tom Hale": two speakers, not one.
    if (['and', '&'].includes(lowerOf(rest[end] ?? rest[0]!)) && rest[end + 1] && mentionAt(ctx, rest[end + 1]!)) return null;
    if (rest[end]?.text === ',') {
      let more = end + 1;
      while (more < rest.length && !isPunct(rest[more]!)) more += 1;
      const appositive = rest.slice(end + 1, more);
      const mention = appositive[0] && mentionAt(ctx, appositive[0]);
      if (mention && ctx.index.byId.get(mention.entityId)?.kind === 'PERSON' && appositive.every((t) => mentionAt(ctx, t) === mention)) {
        phrase = rest.slice(1, more);
      }
    }
    const speaker = speakerFromPhrase(ctx, phrase);
    return speaker ? { speaker, cue: rest[0]!.text, subject: spanOf(phrase) } : null;
  }
  let relative = -1;
  for (let v = 1; v < Math.min(rest.length, 28); v += 1) {
    const token = rest[v]!;
    if (isSentenceEnd(token)) return null;
    if (relative === -1 && (RELATIVE.has(lowerOf(token)) || token.text === ',')) relative = v;
    if (isSpeechVerb(token)) {
      // After the closing mark the subject starts at once: "a source close to Vance said",
      // "a senior diplomat who attended the talks told Reuters" (up to "who"),
      // "Andrea Pohl, who voted against it, said" (before the comma).
      const cut = relative > 0 && (RELATIVE.has(lowerOf(rest[relative]!)) || rest[relative]!.text === ',') ? relative : v;
      const phrase = rest.slice(0, cut).filter((t) => !BETWEEN_SUBJECT_AND_VERB.has(lowerOf(t)));
      const speaker = speakerFromPhrase(ctx, relative > 0 && rest[relative]!.text === ',' ? rest.slice(0, v) : phrase);
      return speaker ? { speaker, cue: cueFrom(ctx, rest, v), subject: spanOf(phrase) } : null;
    }
    if (relative === -1 && token.pos === 'VERB' && !BETWEEN_SUBJECT_AND_VERB.has(lowerOf(token))) return null;
  }
  return null;
}

/**
 * X said “…” / X said: “…” / X told Reuters: “…” / X said the plan was “…” /
 * X called it “…”: the nearest speech or labelling verb before the opening
 * mark in the same sentence, and its subject.
 */
function attributeBefore(ctx: Context, before: Token[]): Found | null {
  for (let v = before.length - 1; v >= 0; v -= 1) {
    const token = before[v]!;
    if (isSentenceEnd(token)) return null;
    const word = token.text;
    const asLabel = AS_LABEL_VERB.test(word) && /\bas\s*$/.test(ctx.text.slice(token.end, before.at(-1)!.end + 1).trimEnd().replace(/[“"‘]$/, ''));
    const label = LABEL_VERB.test(word) || asLabel;
    if (!label && !isSpeechVerb(token)) continue;
    const participle = /ing$/.test(word);
    let phrase: Token[];
    if (participle && v > 0 && lowerOf(before[v - 1]!) === 'as') {
      // "quoted a former aide, Jenna Kirk, as saying": the one quoted said it.
      const quoting = before.findIndex((t, i) => i < v - 1 && /^(?:quot|cit)(?:ed|es|ing|e)$/.test(lowerOf(t)));
      if (quoting < 0) return null;
      phrase = before.slice(quoting + 1, v - 1);
    } else if (participle && v > 0 && mentionAt(ctx, before[v - 1]!)) {
      // "recalled Trump telling him": the person right before the participle said it.
      const mention = mentionAt(ctx, before[v - 1]!)!;
      phrase = before.filter((t) => t.start >= mention.start && t.end <= mention.end);
    } else {
      // Otherwise a participle ("calling them", "saying") belongs to the clause's subject.
      const verbIndex = participle ? before.findIndex((t, i) => i < v && (t.pos === 'VERB' || t.pos === 'AUX') && /^[a-z]/.test(t.text)) : v;
      if (verbIndex < 0) return null;
      phrase = subjectOf(before, verbIndex);
    }
    const speaker = speakerFromPhrase(ctx, phrase);
    if (!speaker) return null;
    const cue = label ? ctx.text.slice(token.start, before.at(-1)!.end).replace(/[\s,:]+$/, '') : cueFrom(ctx, before, v);
    return { speaker, cue, label, subject: spanOf(phrase) };
  }
  return null;
}

/** "Trump: ‘We are not involved’" — a headline's name and colon before the quotation. */
function attributeColon(ctx: Context, before: Token[]): Found | null {
  if (before.length < 2 || before.at(-1)!.text !== ':') return null;
  const name = before.slice(0, -1);
  const mention = mentionAt(ctx, name[0]!);
  if (!mention || !name.every((t) => mentionAt(ctx, t) === mention)) return null;
  const entity = ctx.index.byId.get(mention.entityId);
  return entity?.kind === 'PERSON' ? { speaker: entitySpeaker(entity), cue: ':', subject: spanOf(name) } : null;
}

/** according to X, anywhere in the sentence outside the quotation. */
function attributeAccordingTo(ctx: Context, sentence: Token[], quote: Quotation): Found | null {
  for (let i = 0; i + 1 < sentence.length; i += 1) {
    if (lowerOf(sentence[i]!) !== 'according' || lowerOf(sentence[i + 1]!) !== 'to') continue;
    if (sentence[i]!.start >= quote.outerStart && sentence[i]!.end <= quote.outerEnd) continue;
    let end = i + 2;
    while (end < sentence.length && !(isPunct(sentence[end]!) && sentence[end]!.text !== '.') && !RELATIVE.has(lowerOf(sentence[end]!)) && !/^[“"‘]/.test(sentence[end]!.text)) end += 1;
    const speaker = speakerFromPhrase(ctx, sentence.slice(i + 2, end));
    if (speaker) return { speaker, cue: 'according to', subject: spanOf(sentence.slice(i + 2, end)) };
  }
  return null;
}

function classifyKind(text: string, quote: Quotation, sentence: Span, found: Found | null): QuoteKind {
  if (quote.open || quote.continued) return 'direct';
  const words = wordCount(quote.text);
  const before = text.slice(sentence.start, quote.outerStart).trimEnd();
  const startsUpper = /^[\p{Lu}\d]/u.test(quote.text.trimStart());
  const opensSentence = before === '' || /[:,—–]$/.test(before);
  const endsSentence = /[.!?,;…—–-]$/.test(quote.text.trimEnd());
  if (startsUpper && opensSentence && (words >= 3 || endsSentence)) return 'direct';
  if (startsUpper && words >= 6 && endsSentence) return 'direct';
  if (words <= 3 && (!found || found.label)) return 'scare';
  return 'partial';
}

const normalise = (value: string) => value.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}' ]/gu, ' ').replace(/\s+/g, ' ').trim();

export function attributeQuotes(text: string, tokens: Token[], index: EntityIndex, quotations: Quotation[], units: Span[]): AttributedQuote[] {
  const result: AttributedQuote[] = [];
  const insideQuote = (m: Mention) => quotations.some((q) => m.start >= q.start && m.end <= q.end);
  const paragraphStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) paragraphStarts.push(i + 1);
  const paragraphOf = (offset: number) => paragraphStarts.filter((s) => s <= offset).length - 1;
  const genders = inferGenders(text, tokens, index, quotations, units);
  /**
   * The subject of a sentence, for a pronoun in the next one: the first person it names
   * who is not a possessor ("Price's deputy, Omar Haddad, said" → Haddad), or the person
   * its opening role names ("The president, however, …"). Null when that subject is a
   * name the text leaves ambiguous; undefined when it names no one.
   */
  const subjectOfUnit = (unit: Span): Entity | null | undefined => {
    // A role before any name: "The president, however, …", "Asked about it, the commissioner said …".
    const firstName = index.mentions.find((m) => m.start >= unit.start && m.end <= unit.end && index.byId.get(m.entityId)?.kind === 'PERSON');
    const lead = text.slice(unit.start, firstName ? firstName.start : unit.end);
    for (const role of lead.matchAll(/\b[Tt]he ([a-z]+)(?: ([a-z]+))?(?: ([a-z]+))?/g)) {
      const words = role.slice(1).filter(Boolean);
      for (let n = 1; n <= words.length; n += 1) {
        const holder = personForRole(index, words.slice(0, n).join(' '));
        if (holder) return holder;
      }
    }
    for (const mention of index.mentions) {
      if (mention.start < unit.start || mention.end > unit.end || insideQuote(mention)) continue;
      const entity = index.byId.get(mention.entityId);
      if (entity?.kind !== 'PERSON') continue;
      if (/^['’]s?\b/.test(text.slice(mention.end, mention.end + 2))) continue;
      if (entity.partial) return null;
      if (entity.confirmed || hasKnownGivenName(entity)) return entity;
    }
    return undefined;
  };
  // Referred to as "he" or "she": a person, whatever their first name.
  for (const id of genders.keys()) {
    const entity = index.byId.get(id);
    if (entity && entity.kind === 'PERSON' && !entity.partial && (pronounVotes.get(id) ?? 0) >= 2) entity.confirmed = true;
  }

  for (const quote of quotations) {
    const sentence = units.find((u) => u.start <= quote.outerStart && quote.outerStart < u.end) ?? { start: quote.outerStart, end: quote.outerEnd };
    // He/she: preferably the subject (first person named) of this sentence or the one before —
    // where a pronoun's antecedent usually is — else the last person named, in this paragraph
    // or the one before; never someone the text shows to be of the other gender.
    const resolvePronoun = (word: string): Speaker | null => {
      const here = paragraphOf(quote.outerStart);
      const people = (from: number, to: number) =>
        index.mentions
          .filter((m) => m.start >= from && m.end <= to && !insideQuote(m))
          .map((m) => index.byId.get(m.entityId))
          .filter((e): e is Entity => e?.kind === 'PERSON' && !e.partial && (e.confirmed || hasKnownGivenName(e)));
      const wanted = word === 'she' ? 'female' : 'male';
      const fits = (e: Entity) => genders.get(e.id) === wanted || !genders.has(e.id);
      const unitIndex = units.indexOf(sentence);
      const previousUnit = unitIndex > 0 ? units[unitIndex - 1] : undefined;
      const subjectHere = subjectOfUnit({ start: sentence.start, end: quote.outerStart });
      const subjectBefore = previousUnit && paragraphOf(previousUnit.start) >= here - 1 ? subjectOfUnit(previousUnit) : undefined;
      // The antecedent is a name the text leaves ambiguous ("Marsh" of two Marshes): no guess.
      if (subjectHere === null || (subjectHere === undefined && subjectBefore === null)) return null;
      const paragraphStart = paragraphStarts[Math.max(0, here - 1)]!;
      const recent = [...people(paragraphStart, quote.outerStart)].reverse();
      // Further back only someone the text shows to be of that gender will do.
      const earlier = [...people(paragraphStarts[Math.max(0, here - 3)]!, paragraphStart)].reverse();
      const choice =
        [subjectHere, subjectBefore].find((e): e is Entity => !!e && fits(e)) ??
        recent.find((e) => genders.get(e.id) === wanted) ??
        recent.find(fits) ??
        earlier.find((e) => genders.get(e.id) === wanted);
      return choice ? entitySpeaker(choice) : null;
    };
    const ctx: Context = { text, tokens, index, quotations, resolvePronoun, sources: result.filter((q) => q.speaker?.kind === 'SOURCE').map((q) => q.speaker!.name) };
    const nextQuote = quotations.find((q) => q.outerStart >= quote.outerEnd && q.outerStart < sentence.end);
    const previousQuote = [...quotations].reverse().find((q) => q.outerEnd <= quote.outerStart && q.outerEnd > sentence.start);
    const after = tokensBetween(ctx, quote.outerEnd, nextQuote ? nextQuote.outerStart : sentence.end);
    const before = tokensBetween(ctx, previousQuote ? previousQuote.outerEnd : sentence.start, quote.outerStart);

    // “a process known as “basal melt”: a term the writer names, not anyone's words.
    const namedTerm = wordCount(quote.text) <= 4 && TERM_BEFORE.test(text.slice(Math.max(sentence.start, quote.outerStart - 40), quote.outerStart));
    let found = namedTerm
      ? null
      : (attributeAfter(ctx, after) ?? attributeBefore(ctx, before) ?? attributeColon(ctx, before) ?? attributeAccordingTo(ctx, tokensBetween(ctx, sentence.start, sentence.end), quote));
    // “…,” Smith said, “and then …”: the part after the attribution is Smith's too.
    if (!found && previousQuote && result.at(-1)?.speaker && before.length <= 8 && before.some((t) => isSpeechVerb(t))) {
      found = { speaker: result.at(-1)!.speaker!, cue: result.at(-1)!.cue ?? 'said', subject: result.at(-1)!.subject ?? undefined };
    }
    result.push({
      ...quote,
      kind: classifyKind(text, quote, sentence, found),
      cue: found?.cue ?? null,
      speaker: found?.speaker ?? null,
      sentence,
      attribution: found ? sentence : null,
      subject: found?.subject ?? null,
      via: found ? 'sentence' : null,
    });
  }

  // A quotation over several paragraphs has one speaker, wherever the attribution stands.
  for (let i = 0; i < result.length; i += 1) {
    const chain = [result[i]!];
    while (chain.at(-1)!.open && result[i + chain.length]?.continued) chain.push(result[i + chain.length]!);
    if (chain.length > 1) {
      const speakers = [...new Set(chain.map((q) => q.speaker?.name).filter(Boolean))];
      if (speakers.length === 1) {
        const carrier = chain.find((q) => q.speaker)!;
        for (const part of chain) {
          if (!part.speaker) Object.assign(part, { speaker: carrier.speaker, cue: carrier.cue, attribution: carrier.attribution, via: 'continued' });
        }
      }
      i += chain.length - 1;
    }
  }

  // Follow-on quotes: a quotation that is a sentence of its own right after an attributed one
  // (same paragraph, or a paragraph holding nothing but the quotation), with no one else named between.
  for (let i = 1; i < result.length; i += 1) {
    const quote = result[i]!;
    const previous = result[i - 1]!;
    if (quote.speaker || !previous.speaker || previous.speaker.kind !== 'PERSON' || quote.continued) continue;
    const unit = text.slice(quote.sentence.start, quote.sentence.end).trim();
    const standsAlone = unit.replace(/^[“"‘]/, '').replace(/[”"’]$/, '').trim() === quote.text.trim().replace(/[”"’]$/, '');
    const sameParagraph = previous.paragraph === quote.paragraph;
    const nextParagraphAlone = previous.paragraph === quote.paragraph - 1 && standsAlone && paragraphIsOnlyQuote(text, quote);
    // Nobody else named between the two quotations, nor right after this one ("Those were the words of …").
    // (In the quote's own paragraph; for a paragraph holding only the quote, the next paragraph's first sentence.)
    const nextUnit = units[units.indexOf(quote.sentence) + 1];
    const quoteParagraph = paragraphOf(quote.outerStart);
    const lookAhead =
      nextUnit && (paragraphOf(nextUnit.start) === quoteParagraph || (nextParagraphAlone && paragraphOf(nextUnit.start) === quoteParagraph + 1))
        ? nextUnit.end
        : quote.outerEnd;
    const someoneElse = index.mentions.some(
      (m) => m.start >= previous.outerEnd && m.end <= lookAhead && !(m.start >= quote.start && m.end <= quote.end) && index.byId.get(m.entityId)?.kind === 'PERSON' && m.entityId !== previous.speaker!.entityId,
    ) || /\bwords of\b/.test(text.slice(quote.outerEnd, lookAhead));
    if (standsAlone && (sameParagraph || nextParagraphAlone) && !someoneElse) {
      Object.assign(quote, { speaker: previous.speaker, cue: 'continued', attribution: previous.attribution, via: 'continued' });
    }
  }

  // Quoted by name with a known given name ("…,” said Tanya Greer): a person.
  for (const quote of result) {
    const entity = quote.via === 'sentence' && quote.speaker?.entityId ? index.byId.get(quote.speaker.entityId) : undefined;
    if (entity?.kind === 'PERSON' && !entity.partial && hasKnownGivenName(entity)) entity.confirmed = true;
  }

  // A quotation repeated from an attributed one (a headline quoting the body) has the same speaker.
  for (const quote of result) {
    if (quote.speaker) continue;
    const words = normalise(quote.text);
    if (wordCount(words) < 3) continue;
    const sources = result.filter((q) => q !== quote && q.speaker && normalise(q.text).includes(words));
    const names = [...new Set(sources.map((q) => q.speaker!.name))];
    if (names.length === 1) Object.assign(quote, { speaker: sources[0]!.speaker, cue: 'repeated', attribution: sources[0]!.attribution, via: 'repeated' });
  }
  return result;
}

const MALE = /^(?:he|him|his|himself)$/i;
const FEMALE = /^(?:she|her|hers|herself)$/i;

/**
 * Each person's likely gender, for he/she: what the text shows — honorifics
 * (Mr., Ms.), gendered titles (spokeswoman), the pronouns that follow their
 * name — and, as a weaker prior, the usual gender of their first name (from
 * `gender-detection-from-name`, a maintained list). Pronoun votes go to the
 * subject of the previous sentence or the last person named; only a clear
 * majority counts.
 */
const pronounVotes = new Map<string, number>();

function inferGenders(text: string, tokens: Token[], index: EntityIndex, quotations: Quotation[], units: Span[]): Map<string, 'male' | 'female'> {
  const votes = new Map<string, { male: number; female: number }>();
  pronounVotes.clear();
  const vote = (id: string, gender: 'male' | 'female', weight = 1) => {
    const entry = votes.get(id) ?? { male: 0, female: 0 };
    entry[gender] += weight;
    votes.set(id, entry);
  };
  for (const entity of index.entities.filter((e) => e.kind === 'PERSON')) {
    const firstName = entity.name.includes(' ') ? entity.name.split(' ')[0]! : undefined;
    const usual = firstName ? getGender(firstName, 'en') : 'unknown';
    const prior = usual === 'unknown' && firstName ? getGender(firstName) : usual;
    if (prior !== 'unknown') vote(entity.id, prior, 1);
    for (const title of [...entity.titles, ...entity.aliases]) {
      if (/\b(?:Mr|Sir|Lord|King|Prince|Father|Brother)\b|(?:man)\b/.test(title) && !/woman\b/.test(title)) vote(entity.id, 'male', 3);
      if (/\b(?:Mrs|Ms|Miss|Dame|Lady|Queen|Princess|Sister)\b|woman\b/.test(title)) vote(entity.id, 'female', 3);
    }
  }
  const outside = (t: Token) => !quotations.some((q) => t.start >= q.start && t.end <= q.end);
  const isPerson = (m: Mention) => {
    const entity = index.byId.get(m.entityId);
    return entity?.kind === 'PERSON' && !entity.partial;
  };
  // The subject (first person named) of each sentence, for pronouns that open the next one.
  const subjects = units.map(
    (u) => index.mentions.find((m) => m.start >= u.start && m.end <= u.end && isPerson(m) && !/^['’]s?\b/.test(text.slice(m.end, m.end + 2)))?.entityId,
  );
  const unitOf = (offset: number) => units.findIndex((u) => u.start <= offset && offset < u.end);
  let last: string | undefined;
  let mentionIndex = 0;
  const mentions = [...index.mentions].sort((a, b) => a.start - b.start);
  for (const token of tokens) {
    while (mentionIndex < mentions.length && mentions[mentionIndex]!.end <= token.start) {
      const mention = mentions[mentionIndex]!;
      const entity = index.byId.get(mention.entityId);
      // A partial name takes the votes that follow it (and they count for nothing), rather than
      // passing them to whoever was named in full before.
      if (entity?.kind === 'PERSON' && outside(token)) last = entity.id;
      mentionIndex += 1;
    }
    if (!last || !outside(token)) continue;
    const unit = unitOf(token.start);
    const opensSentence = unit > 0 && units[unit]!.start === token.start;
    const antecedent = opensSentence ? (subjects[unit - 1] ?? last) : last;
    if (MALE.test(token.text) || FEMALE.test(token.text)) pronounVotes.set(antecedent, (pronounVotes.get(antecedent) ?? 0) + 1);
    if (MALE.test(token.text)) vote(antecedent, 'male');
    else if (FEMALE.test(token.text)) vote(antecedent, 'female');
    // "spokeswoman Dana Whitlock", ", a spokeswoman for": a gendered noun right after a name.
    else if (/^(?:\w+)?(?:wo)?man$/.test(token.text) && /(?:spokes|chair|congress|council|business|police|fire|sales)(?:wo)?man$/.test(token.text)) {
      vote(last, /woman$/.test(token.text) ? 'female' : 'male', 2);
    }
  }
  const genders = new Map<string, 'male' | 'female'>();
  for (const [id, { male, female }] of votes) {
    if (male >= 2 * female && male > 0) genders.set(id, 'male');
    else if (female >= 2 * male && female > 0) genders.set(id, 'female');
  }
  return genders;
}

function paragraphIsOnlyQuote(text: string, quote: Quotation): boolean {
  const lineStart = text.lastIndexOf('\n', quote.outerStart - 1) + 1;
  const lineEndIndex = text.indexOf('\n', quote.outerEnd);
  const line = text.slice(lineStart, lineEndIndex === -1 ? text.length : lineEndIndex).trim();
  return line.length <= quote.outerEnd - quote.outerStart + 2;
}
