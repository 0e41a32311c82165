// Who and what an article names: people (a canonical full name plus the other
// ways the text refers to them), organisations, outlets and places. Names are
// runs of capitalised proper-noun tokens (parts of speech from wink-nlp); the
// rules here sort them and group the mentions of one person together.
import { getGender } from 'gender-detection-from-name';
import type { Token } from './tokenize.ts';
import {
  DEMONYMS,
  NAME_PARTICLES,
  NOT_NAMES,
  ORGANISATION_WORDS,
  OUTLET_PATTERN,
  OUTLETS,
  PLACES,
  PLATFORMS,
  ROLE_NOUNS,
  TITLE_WORDS,
  WELL_KNOWN_SURNAMES,
} from './lexicon.ts';

export type EntityKind = 'PERSON' | 'ORGANIZATION' | 'OUTLET' | 'PLACE';

export interface Entity {
  id: string;
  kind: EntityKind;
  /** Canonical name: a person's full name, an outlet's usual name. */
  name: string;
  /** Other ways the text names the entity (surname, title and surname, role). */
  aliases: string[];
  /** Titles seen before the name: "President", "Israeli Prime Minister". */
  titles: string[];
  /** True when the text never gives a full name (a surname alone, say). */
  partial: boolean;
  /**
   * For people: the text makes it clear this is a person — a full name whose
   * first name is a known given name, or a name with a personal title
   * ("Dr", "Councillor", "Mayor"). Only confirmed people are quiz answers.
   */
  confirmed: boolean;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  entityId: string;
  /** The title words before the name, when the mention has them. */
  title?: string;
}

export interface EntityIndex {
  entities: Entity[];
  mentions: Mention[];
  byId: Map<string, Entity>;
}

const MULTI_WORD_PLACES = new Set(
  `united states|united kingdom|middle east|new york|new jersey|new mexico|new zealand|south africa|south korea|north korea|saudi arabia|gaza strip|west bank|hong kong|sri lanka|el salvador|costa rica|puerto rico|new delhi|tel aviv|los angeles|san francisco|las vegas|white house|european union|united nations|persian gulf|red sea|black sea|south china sea|north carolina|south carolina|west virginia|north dakota|south dakota|rhode island|new hampshire|united arab emirates|ivory coast|czech republic|dominican republic|central african republic|democratic republic of congo|wall street|silicon valley|capitol hill|downing street|main street|times square`.split('|'),
);

// Words that end place names. Words that are also common surnames (Park, Hall, Field, Marsh,
// Lake, Wood, Bridge, Moore …) are left out: a person named so must not become a place.
const PLACE_WORDS = new Set(
  'empire kingdom republic province region city county island islands mountains mountain river sea ocean strait gulf valley territory territories peninsula desert coast street avenue road square stadium arena plaza station harbor harbour port beach heights village town borough township district bay grove falls springs creek ridge cove crossing canyon forest glacier fjord delta basin plains wharf quay docks estate gardens'.split(' '),
);

const isCapitalised = (text: string) => /^[\p{Lu}]/u.test(text) || /^(?:[A-Z]\.){2,}$/.test(text);
const isAcronym = (text: string) => /^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,})$/.test(text);
const lower = (text: string) => text.toLowerCase().replace(/\.$/, '');

interface Run {
  tokens: Token[];
  start: number;
  end: number;
}

/** Maximal runs of capitalised tokens, allowing name particles and "of" inside. */
function capitalisedRuns(text: string, tokens: Token[], skip: (token: Token) => boolean): Run[] {
  const runs: Run[] = [];
  let current: Token[] = [];
  const flush = () => {
    while (current.length && (NAME_PARTICLES.has(current.at(-1)!.text) || current.at(-1)!.text === 'of')) current.pop();
    if (current.length) runs.push({ tokens: current, start: current[0]!.start, end: current.at(-1)!.end });
    current = [];
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (skip(token)) {
      flush();
      continue;
    }
    const next = tokens[i + 1];
    const joinsNext = next && next.start === token.end + 1;
    if (isCapitalised(token.text) && token.pos !== 'PUNCT') {
      current.push(token);
    } else if (current.length && joinsNext && next && isCapitalised(next.text) && NAME_PARTICLES.has(token.text)) {
      current.push(token);
    } else if (current.length && joinsNext && next && isCapitalised(next.text) && token.text === 'of' && (isTitleToken(current.at(-1)!) || ORGANISATION_WORDS.has(lower(current.at(-1)!.text)))) {
      // "Secretary of State", "Bank of England" — but not "Teresa Vandermolen of Montana".
      current.push(token);
    } else if (current.length && joinsNext && next && isCapitalised(next.text) && (token.text === 'and' || token.text === '&') && current.some((t) => ORGANISATION_WORDS.has(lower(t.text)))) {
      // "Department of Health and Social Care": one organisation.
      current.push(token);
    } else {
      flush();
    }
    // A possessive ends a name ("Iran’s Supreme Leader") unless an organisation goes on
    // ("the Marlow County Prosecutor’s Office"); a line break or a wider gap always does.
    const afterNext = tokens[i + 2];
    const possessiveInName = next && /^['’]s$/.test(next.text) && afterNext && isCapitalised(afterNext.text) && ORGANISATION_WORDS.has(lower(afterNext.text));
    if (possessiveInName) {
      current.push(next!);
      i += 1;
      continue;
    }
    if (next && (next.start > token.end + 1 || /[\r\n]/.test(text.slice(token.end, next.start)) || /^['’]s$/.test(next.text))) flush();
  }
  flush();
  return runs;
}

function matchOutlet(text: string): { name: string } | undefined {
  const bare = text.replace(/^the\s+/i, '');
  for (const outlet of OUTLETS) {
    const names = [outlet.name, ...outlet.aliases].map((n) => n.replace(/^the\s+/i, ''));
    if (names.includes(bare)) return { name: outlet.name };
    // A known outlet's own service: "BBC Scotland", "CNN International", "BBC Radio 4".
    const service = names.find((n) => n.length >= 3 && bare.startsWith(`${n} `) && /^[A-Z0-9]/.test(bare.slice(n.length + 1)));
    if (service) return { name: bare };
  }
  if (OUTLET_PATTERN.test(text) && /\s/.test(bare)) return { name: text.startsWith('The ') ? text : bare };
  return undefined;
}

function isTitleToken(token: Token): boolean {
  return TITLE_WORDS.has(lower(token.text)) || DEMONYMS.test(token.text);
}

interface Candidate {
  /** A lone word the tagger reads as an ordinary word ("Grieve laughed"): a name only if the text confirms it. */
  common?: boolean;
  kind: EntityKind | 'ROLE';
  name: string;
  nameTokens: string[];
  title: string;
  start: number;
  end: number;
  text: string;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'outside', 'inside', 'across', 'toward', 'towards', 'into', 'around']);

function classify(run: Run, text: string): Candidate | undefined {
  let tokens = run.tokens;
  // Sentence-initial function words are capitalised but not names ("The", "Despite").
  while (tokens.length && NOT_NAMES.has(lower(tokens[0]!.text)) && !matchOutlet(text.slice(tokens[0]!.start, run.end))) {
    tokens = tokens.slice(1);
  }
  if (!tokens.length) return undefined;
  const start = tokens[0]!.start;
  const end = run.end;
  const whole = text.slice(start, end);
  const outlet = matchOutlet(whole);
  if (outlet) return { kind: 'OUTLET', name: outlet.name, nameTokens: [], title: '', start, end, text: whole };
  if (tokens.length === 1 && PLATFORMS.has(tokens[0]!.text)) {
    return { kind: 'ORGANIZATION', name: whole, nameTokens: [], title: '', start, end, text: whole };
  }
  const lowerWords = tokens.map((t) => lower(t.text));
  if (MULTI_WORD_PLACES.has(lowerWords.join(' ')) || (tokens.length === 1 && PLACES.has(lowerWords[0]!))) {
    return { kind: 'PLACE', name: whole, nameTokens: [], title: '', start, end, text: whole };
  }
  // Titles end at the last title word: "Senate Majority Leader | Margaret Harwell".
  let split = 0;
  for (let i = 0; i < tokens.length - 1; i += 1) if (isTitleToken(tokens[i]!)) split = i + 1;
  if (isTitleToken(tokens.at(-1)!) && split === tokens.length - 1) split = tokens.length;
  // An untitled office before a first and last name: "Supervisor Alan Whitford", "Businessman Carlos Reis".
  const occupation = (t: Token) => t.pos === 'NOUN' || /(?:man|woman|person|er|or|ist|ian|ant|ent)$/.test(lower(t.text));
  if (split === 0 && tokens.length >= 3 && occupation(tokens[0]!) && getGender(tokens[0]!.text) === 'unknown' && tokens.slice(1).every((t) => t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text))) split = 1;
  const titleTokens = tokens.slice(0, split);
  const nameTokens = tokens.slice(split);
  const title = titleTokens.length ? text.slice(titleTokens[0]!.start, titleTokens.at(-1)!.end) : '';
  if (!nameTokens.length) {
    return { kind: 'ROLE', name: title, nameTokens: [], title, start, end, text: whole };
  }
  const nameText = text.slice(nameTokens[0]!.start, end);
  const words = nameTokens.map((t) => t.text);
  const nameWords = words.map(lower);
  if (nameWords.some((w) => ORGANISATION_WORDS.has(w))) {
    return { kind: 'ORGANIZATION', name: whole, nameTokens: [], title: '', start, end, text: whole };
  }
  const placePrefix = nameTokens.length >= 2 && /^(?:San|Santa|Santo|São|St\.?|Saint|Fort|Mount|Mt\.?|Lake|Port|Cape|Los|Las|El|La|Le|New|North|South|East|West|Upper|Lower|Greater)$/.test(words[0]!);
  if (placePrefix || nameWords.some((w) => PLACE_WORDS.has(w)) || nameWords.every((w) => PLACES.has(w)) || MULTI_WORD_PLACES.has(nameWords.join(' '))) {
    return { kind: 'PLACE', name: nameText, nameTokens: [], title: '', start, end, text: whole };
  }
  if (nameTokens.length === 1 && isAcronym(words[0]!)) {
    return { kind: 'ORGANIZATION', name: nameText, nameTokens: [], title: '', start, end, text: whole };
  }
  if (nameTokens.length > 4) return undefined;
  return { kind: 'PERSON', name: nameText, nameTokens: words, title, start, end, text: whole, common: nameTokens.length === 1 && nameTokens[0]!.pos !== 'PROPN' };
}

/** First and last name, without middle initials: "Donald J. Trump" → "Donald Trump". */
function personKey(words: string[]): string {
  const kept = words.filter((w, i) => i === 0 || i === words.length - 1 || !/^[A-Z]\.?$/.test(w));
  return kept.join(' ');
}

export interface FindEntitiesOptions {
  /** Text not to read names from (section headings, which capitalise every word). */
  skipSpans?: { start: number; end: number }[];
  /** Where sentences start: a lone capitalised word there may just be the first word. */
  sentenceStarts?: Set<number>;
  /** Full names from other articles of the same story, to complete surnames. */
  knownPeople?: string[];
  /** The headline line, where capitals are not evidence of a name ("Late Moreno header …"). */
  headline?: { start: number; end: number };
}

// Honorifics and offices that only people hold; a name under one of them is a person.
const PERSONAL_TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|President|Vice|Prime|Minister|Secretary|Senator|Sen|Rep|Representative|Gov|Governor|Mayor|Councillor|Councilor|Councilman|Councilwoman|Judge|Justice|Chancellor|King|Queen|Prince|Princess|Coach|Captain|Capt|General|Gen|Lt|Col|Sgt|Sheriff|Chief|Director|Superintendent|Commissioner|Ambassador|Pope|Rabbi|Imam|Sheikh|Ayatollah|Father|Sister|Reverend|Rev|Detective|Inspector|Officer|Chairman|Chairwoman|Chair|Leader|Spokesman|Spokeswoman|Spokesperson|MP|MEP|CEO|Founder|Executive|Manager|Dean|Principal|Deputy|head coach|coach|nurse|driver|teacher|councillor|lawyer|attorney|prosecutor|judge|manager|captain|founder|analyst|economist|researcher|scientist|professor|chief executive|spokesman|spokeswoman|spokesperson|minister|secretary|director|officer|official)\b/i;

export function hasKnownGivenName(entity: Entity): boolean {
  const first = entity.name.split(' ')[0]!;
  return entity.name.includes(' ') && (getGender(first, 'en') !== 'unknown' || getGender(first) !== 'unknown');
}

/**
 * A person for certain: a personal title or role, an age ("Linda Boutilier,
 * 71,"), initials, or a known given name the text comes back to (by surname,
 * or again in full). A given name alone is weak evidence — lists of names
 * include words like "Harbor" — so it must be backed by a second mention.
 */
function confirmPerson(entity: Entity, text: string, mentions: Mention[]): void {
  const own = mentions.filter((m) => m.entityId === entity.id);
  const aged = own.some((m) => /^,\s*\d{1,3},/.test(text.slice(m.end, m.end + 6)));
  const named = hasKnownGivenName(entity) && own.length >= 2;
  entity.confirmed = named || aged || entity.titles.some((t) => PERSONAL_TITLE.test(t)) || /^(?:[A-Z]\.){1,3}\s?[A-Z]/.test(entity.name);
}

export function findEntities(text: string, tokens: Token[], options: FindEntitiesOptions = {}): EntityIndex {
  const skipSpans = options.skipSpans ?? [];
  const sentenceStarts = options.sentenceStarts ?? new Set<number>();
  const inSkipped = (token: Token) => skipSpans.some((s) => token.start >= s.start && token.end <= s.end);
  const indexOf = new Map(tokens.map((t, i) => [t.start, i]));
  const neighbour = (offset: number, step: number) => tokens[(indexOf.get(offset) ?? -2) + step];
  const classified = capitalisedRuns(text, tokens, inSkipped)
    .map((run) => ({ run, candidate: classify(run, text) }))
    .filter((c): c is { run: Run; candidate: Candidate } => c.candidate !== undefined);
  // A sentence's first word is capitalised whatever it is: in "Late Moreno header lifts …"
  // "Late" is no first name when the text names another Moreno in full.
  const fullNameCount = new Map<string, Set<string>>();
  const timesNamed = new Map<string, number>();
  for (const { candidate } of classified) {
    if (candidate.kind === 'PERSON' && candidate.nameTokens.length >= 2) {
      const surname = candidate.nameTokens.at(-1)!;
      const full = candidate.nameTokens.join(' ');
      fullNameCount.set(surname, (fullNameCount.get(surname) ?? new Set()).add(full));
      timesNamed.set(full, (timesNamed.get(full) ?? 0) + 1);
    }
  }
  const all = classified.map(({ run, candidate }) => {
    const firstIndex = run.tokens.findIndex((t) => t.start === candidate.start);
    const first = run.tokens[firstIndex];
    const second = run.tokens[firstIndex + 1];
    const names = candidate.nameTokens;
    const doubtful =
      first && second && candidate.kind === 'PERSON' && names.length === 2 && !candidate.title && sentenceStarts.has(first.start) &&
      (first.pos !== 'PROPN' ||
        (timesNamed.get(names.join(' ')) === 1 &&
          ((options.headline !== undefined && first.start < options.headline.end) || (getGender(names[0]!, 'en') === 'unknown' && getGender(names[0]!) === 'unknown'))));
    if (doubtful && (fullNameCount.get(names[1]!)?.size ?? 0) > 1) {
      return { ...candidate, name: names[1]!, nameTokens: [names[1]!], start: second.start, text: names[1]! };
    }
    return candidate;
  });
  // A one-word "name" that only ever opens a sentence is more likely an ordinary word.
  const seenInside = new Set(all.filter((c) => !sentenceStarts.has(c.start)).map((c) => c.nameTokens.join(' ')));
  const surnames = new Set(all.filter((c) => c.kind === 'PERSON' && c.nameTokens.length >= 2).map((c) => c.nameTokens.at(-1)!));
  // "in Eastwick Marsh": a name only ever seen after a locative preposition is a place.
  const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'toward', 'towards']);
  const seenElsewhere = new Set<string>();
  for (const c of all) {
    const before = neighbour(c.start, -1);
    if (c.kind === 'PERSON' && !(before && LOCATIVE.has(before.text.toLowerCase()))) seenElsewhere.add(c.nameTokens.join(' '));
  }
  for (const c of all) {
    if (c.kind === 'PERSON' && !c.title && c.nameTokens.length >= 2 && !seenElsewhere.has(c.nameTokens.join(' '))) {
      Object.assign(c, { kind: 'PLACE', name: c.nameTokens.join(' '), nameTokens: [] });
    }
  }
  const firstNames = new Map<string, number>();
  for (const c of all) if (c.kind === 'PERSON' && c.nameTokens.length >= 2) firstNames.set(c.nameTokens[0]!, (firstNames.get(c.nameTokens[0]!) ?? 0) + 1);
  const candidates: Candidate[] = [];
  for (const c of all) {
    const lone = c.kind === 'PERSON' && c.nameTokens.length === 1 && !c.title;
    const word = c.nameTokens[0] ?? '';
    const known = surnames.has(word) || firstNames.has(word) || WELL_KNOWN_SURNAMES[word] !== undefined;
    if (lone && !known) {
      if (c.common) continue;
      const before = neighbour(c.start, -1);
      const after = tokens[(indexOf.get(c.start) ?? -2) + 1];
      // An unconfirmed one-word name opening a sentence is more likely an ordinary word.
      if (sentenceStarts.has(c.start) && !seenInside.has(word)) continue;
      // "a senior Western diplomat", "Tolvian officials": an adjective before a noun.
      if (after && after.start === c.end + 1 && /^[a-z]/.test(after.text) && after.pos === 'NOUN') continue;
      // "in Linley", "at Harrow": after a place preposition, a place.
      if (before && PLACE_PREPOSITIONS.has(before.text.toLowerCase())) {
        candidates.push({ ...c, kind: 'PLACE', name: word, nameTokens: [] });
        continue;
      }
    }
    candidates.push(c);
  }

  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const mentions: Mention[] = [];
  const add = (kind: EntityKind, name: string, partial = false): Entity => {
    const key = `${kind}:${name.toLowerCase()}`;
    let entity = byKey.get(key);
    if (!entity) {
      entity = { id: `e${entities.length + 1}`, kind, name, aliases: [], titles: [], partial, confirmed: false };
      entities.push(entity);
      byKey.set(key, entity);
    }
    return entity;
  };
  const alias = (entity: Entity, value: string) => {
    if (value && value !== entity.name && !entity.aliases.includes(value)) entity.aliases.push(value);
  };

  // Full names first, so that surnames can join them wherever they appear.
  const people = candidates.filter((c) => c.kind === 'PERSON');
  const fullNames = new Map<string, string>(); // surname → full name (when unambiguous)
  const ambiguousSurnames = new Set<string>();
  for (const name of [...people.filter((c) => c.nameTokens.length >= 2).map((c) => personKey(c.nameTokens)), ...(options.knownPeople ?? [])]) {
    const surname = name.split(' ').at(-1)!;
    if (fullNames.has(surname) && fullNames.get(surname) !== name) ambiguousSurnames.add(surname);
    else fullNames.set(surname, name);
  }
  const ownFullNames = new Set(people.filter((c) => c.nameTokens.length >= 2).map((c) => personKey(c.nameTokens)));

  for (const candidate of candidates) {
    let entity: Entity;
    if (candidate.kind === 'PERSON') {
      if (candidate.nameTokens.length >= 2) {
        const key = personKey(candidate.nameTokens);
        const known = fullNames.get(key.split(' ').at(-1)!);
        // "Marco Rubio" in the text beats a name from the story only when they differ in first name.
        entity = add('PERSON', ownFullNames.has(key) || !known ? key : known);
      } else {
        const surname = candidate.nameTokens[0]!;
        const full = ambiguousSurnames.has(surname) ? undefined : fullNames.get(surname);
        const byFirstName = [...ownFullNames].filter((name) => name.split(' ')[0] === surname);
        if (full) entity = add('PERSON', full);
        else if (byFirstName.length === 1 && !fullNames.has(surname)) entity = add('PERSON', byFirstName[0]!);
        else if (WELL_KNOWN_SURNAMES[surname]) entity = add('PERSON', WELL_KNOWN_SURNAMES[surname]!, false);
        else entity = add('PERSON', surname, true);
      }
      alias(entity, candidate.name);
      if (candidate.title) {
        alias(entity, `${candidate.title} ${candidate.name}`);
        if (!entity.titles.includes(candidate.title)) entity.titles.push(candidate.title);
      }
    } else if (candidate.kind === 'ROLE') {
      continue;
    } else {
      entity = add(candidate.kind, candidate.name);
      alias(entity, candidate.text !== candidate.name ? candidate.text : '');
    }
    mentions.push({ start: candidate.start, end: candidate.end, text: candidate.text, entityId: entity.id, title: candidate.title || undefined });
  }

  // "The Associated Press (AP)": the bracketed short form names the same outlet.
  for (const match of text.matchAll(/([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)+)\s+\(([A-Z]{2,6})\)/g)) {
    const mention = mentions.find((m) => m.start <= match.index! + match[0].indexOf(match[1]!) && m.end >= match.index! + match[1]!.length);
    if (!mention) continue;
    const entity = entities.find((e) => e.id === mention.entityId)!;
    alias(entity, match[2]!);
    for (const other of mentions.filter((m) => m.text === match[2])) {
      const previous = other.entityId;
      other.entityId = entity.id;
      const orphan = entities.find((e) => e.id === previous && e.id !== entity.id);
      if (orphan && !mentions.some((m) => m.entityId === orphan.id)) entities.splice(entities.indexOf(orphan), 1);
    }
  }

  addAppositiveRoles(text, mentions, entities);
  for (const entity of entities) if (entity.kind === 'PERSON') confirmPerson(entity, text, mentions);
  const index = { entities, mentions, byId: new Map(entities.map((e) => [e.id, e])) };
  // "the president": a role the text uses for exactly one person is one of their aliases.
  for (const match of text.matchAll(/\b[Tt]he ((?:[a-z]+ ){0,2}[a-z]+)\b/g)) {
    const words = match[1]!.split(' ');
    for (let n = words.length; n >= 1; n -= 1) {
      const role = words.slice(0, n).join(' ');
      if (!ROLE_NOUNS.has(words[n - 1]!)) continue;
      const holder = personForRole(index, role);
      if (holder && !holder.aliases.includes(`the ${role}`)) holder.aliases.push(`the ${role}`);
      if (holder) break;
    }
  }
  return index;
}

const ROLE_WORDS = '(?:[a-z]+[ -]){0,3}(?:' + [...ROLE_NOUNS].join('|') + '|executive|officer|chair|head|director|leader|coach|manager|captain|minister|secretary|spokesman|spokeswoman|spokesperson|official|analyst|economist|researcher|scientist|nurse|driver|teacher|principal|councillor|councilor|lawyer|attorney|prosecutor|judge)';
// "The trust’s chief executive, Dr Anil Varghese," / "Anil Varghese, the chief executive of …" / "coach Marta Ilic".
const ROLE_BEFORE = new RegExp(`\\b(${ROLE_WORDS}),?\\s+$`);
const ROLE_AFTER = new RegExp(`^,\\s+(?:the\\s+|a\\s+|an\\s+)?(${ROLE_WORDS})\\b`);

/** Lower-case roles said of a person next to their name, so "the chief executive" can refer to them. */
function addAppositiveRoles(text: string, mentions: Mention[], entities: Entity[]): void {
  for (const mention of mentions) {
    const entity = entities.find((e) => e.id === mention.entityId);
    if (entity?.kind !== 'PERSON') continue;
    const before = ROLE_BEFORE.exec(text.slice(Math.max(0, mention.start - 60), mention.start));
    const after = ROLE_AFTER.exec(text.slice(mention.end, mention.end + 80));
    for (const role of [before?.[1], after?.[1]]) {
      if (role && /^[a-z]/.test(role) && !entity.titles.includes(role)) entity.titles.push(role);
    }
  }
}

/** The person a role names ("the president"), when exactly one person in the text has that title. */
// A qualifier makes a different office: the vice president is not "the president".
const ROLE_QUALIFIERS = new Set(['vice', 'deputy', 'former', 'acting', 'assistant', 'associate', 'under', 'co', 'ex', 'interim', 'junior', 'lieutenant', 'sub']);

export function personForRole(index: EntityIndex, role: string): Entity | undefined {
  const words = role.toLowerCase().replace(/^the\s+/, '').trim().split(/[\s-]+/);
  const holds = (title: string) => {
    const parts = title.toLowerCase().replace(/[’']s\b/g, '').split(/[\s-]+/);
    for (let end = words.length; end <= parts.length; end += 1) {
      const window = parts.slice(end - words.length, end);
      if (window.join(' ') !== words.join(' ')) continue;
      if (end !== parts.length && !['of', 'for', 'at'].includes(parts[end]!)) continue;
      if (!ROLE_QUALIFIERS.has(parts[end - words.length - 1] ?? '')) return true;
    }
    return false;
  };
  const matches = index.entities.filter((e) => e.kind === 'PERSON' && e.titles.some(holds));
  return matches.length === 1 ? matches[0] : undefined;
}
