// The candidates distractors are drawn from, nearest first: the same article,
// then the other articles of the same story.
import type { AttributedQuote } from '../analysis/attribute-quotes.ts';
import { hasKnownGivenName } from '../analysis/find-entities.ts';
import { OUTLETS } from '../analysis/lexicon.ts';
import type { ArticleForQuestions } from './question.ts';

/**
 * Named people (full names), most certain first: speakers, then other
 * confirmed people, then names with a known given name the text mentions once.
 */
export function peopleOf(article: ArticleForQuestions): readonly string[] {
  let people = peopleByArticle.get(article);
  if (!people) peopleByArticle.set(article, (people = rankPeople(article)));
  return people;
}

// An article's analysis does not change during a build: its people, and its
// pool within one story, are worked out once, not once per question (a story
// of a hundred articles made that quadratic).
const peopleByArticle = new WeakMap<ArticleForQuestions, readonly string[]>();
const poolByArticle = new WeakMap<ArticleForQuestions, { story: ArticleForQuestions[]; pool: readonly string[] }>();

function rankPeople(article: ArticleForQuestions): string[] {
  const { analysis } = article;
  const named = analysis.entities.filter((e) => e.kind === 'PERSON' && !e.partial && e.name.includes(' '));
  const speakers = new Set(analysis.quotes.filter((q) => q.speaker?.kind === 'PERSON').map((q) => q.speaker!.name));
  const rank = (e: (typeof named)[number]) => (e.confirmed && speakers.has(e.name) ? 0 : e.confirmed ? 1 : hasKnownGivenName(e) ? 2 : 3);
  return named
    .filter((e) => rank(e) < 3)
    .sort((a, b) => rank(a) - rank(b))
    .map((e) => e.name);
}

/**
 * Candidates for "who said …?": people of the article, then of its story, then
 * — when those are too few — the other speakers the article quotes (an
 * organisation, "a senior official"): every choice is someone the article
 * could have attributed the words to.
 */
export function peoplePool(article: ArticleForQuestions, story: ArticleForQuestions[]): readonly string[] {
  const cached = poolByArticle.get(article);
  if (cached?.story === story) return cached.pool;
  const pool = gatherPeoplePool(article, story);
  poolByArticle.set(article, { story, pool });
  return pool;
}

function gatherPeoplePool(article: ArticleForQuestions, story: ArticleForQuestions[]): string[] {
  // Only anonymous sources ("a senior official"): a described role ("the town's lawyer") may be a named person.
  const otherSpeakers = article.analysis.quotes
    .filter((q) => q.speaker?.kind === 'SOURCE' && q.via === 'sentence' && /^(?:an?|one|two|three|four|several|some|many|\d+)\s/i.test(q.speaker.name))
    .map((q) => q.speaker!.name.replace(/^(?:A|An|One|Two|Three|Four|Several|Some|Many)\b/, (w) => w.toLowerCase()));
  return [...new Set([...peopleOf(article), ...story.filter((a) => a !== article).flatMap(peopleOf), ...otherSpeakers])];
}

/** Whether a quotation's speaker is a person the text makes certain of (a quiz answer can be). */
export function hasConfirmedSpeaker(article: ArticleForQuestions, quote: AttributedQuote): boolean {
  const entity = quote.speaker?.entityId ? article.analysis.index.byId.get(quote.speaker.entityId) : undefined;
  return quote.speaker?.kind === 'PERSON' && entity?.kind === 'PERSON' && entity.confirmed && !entity.partial;
}

/** Quotations with a confirmed person as speaker, attributed in their own sentence. */
export function attributedQuotes(article: ArticleForQuestions): AttributedQuote[] {
  return article.analysis.quotes.filter((q) => q.via === 'sentence' && hasConfirmedSpeaker(article, q));
}

export function outletPool(article: ArticleForQuestions, story: ArticleForQuestions[]): string[] {
  const inText = [article, ...story.filter((a) => a !== article)].flatMap((a) => [
    ...a.analysis.entities.filter((e) => e.kind === 'OUTLET' && e.name !== 'Truth Social').map((e) => e.name),
    ...(a.outlet ? [a.outlet] : []),
  ]);
  // Well-known outlets fill up when the story names too few: still outlets, the same kind.
  return [...new Set([...inText, ...OUTLETS.filter((o) => o.name !== 'Truth Social').map((o) => o.name)])];
}

// Kinds of source a claim can rest on, to fill up when the story cites too few.
const KINDS_OF_SOURCE = ['the author’s own observation', 'a public statement by officials', 'a leaked document', 'an opinion poll'];

/** Source phrases ("a senior official", "two people familiar with the talks") across the story. */
export function sourcePool(article: ArticleForQuestions, story: ArticleForQuestions[]): string[] {
  return [
    ...new Set([
      ...[article, ...story.filter((a) => a !== article)].flatMap((a) => [
        ...a.analysis.claims.map((c) => c.source).filter((s): s is string => s !== null),
        ...a.analysis.quotes.filter((q) => q.speaker?.kind === 'SOURCE').map((q) => q.speaker!.name),
      ]),
      ...KINDS_OF_SOURCE,
    ]),
  ];
}

/** How a question names an article: its outlet, or its title. */
export function articleLabel(article: ArticleForQuestions): string {
  return article.outlet ? article.outlet : `the article “${article.title}”`;
}
