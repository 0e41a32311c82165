// The analysis of one article: sentences and paragraphs with offsets, the
// people and organisations it names, its quotations with kind, cue and
// speaker, its figures and its opinion passages. Pure: text in, facts out.
import { blocksOf, type TextBlock } from '../articles/article-text.ts';
import { headlineLine } from '../articles/derive-title.ts';
import { attributeQuotes, type AttributedQuote } from './attribute-quotes.ts';
import { findEntities, type Entity, type EntityIndex } from './find-entities.ts';
import { findQuotations } from './find-quotations.ts';
import { sentenceUnits } from './sentence-units.ts';
import { tokenize, type Span } from './tokenize.ts';
import { findClaims, type SourcedClaim } from './find-claims.ts';
import { findFigures, type Figure } from './find-figures.ts';
import { findOpinions, type OpinionPassage } from './find-opinions.ts';
import { inferOutlet } from './infer-outlet.ts';
import { isBoilerplate } from './boilerplate.ts';

export interface ArticleAnalysis {
  text: string;
  paragraphs: TextBlock[];
  sentences: Span[];
  entities: Entity[];
  index: EntityIndex;
  quotes: AttributedQuote[];
  figures: Figure[];
  claims: SourcedClaim[];
  opinions: OpinionPassage[];
  /** The publishing outlet when the text gives it away (dateline, "X has reached out to …"). */
  inferredOutlet: string | null;
}

export interface AnalyseOptions {
  /** Full names of people in other articles of the same story, to complete surnames. */
  knownPeople?: string[];
}

/** "Late Moreno Header Sinks Ridgeway": every word capitalised, as headlines are; no names can be read from it. */
function isTitleCase(line: string): boolean {
  if (/[.!?]["”’]?$/.test(line.trim())) return false;
  const words = line.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 4 && capitalised / words.length >= 0.7;
}

/**
 * What is read from the text alone, before any names are known: blocks,
 * tokens, sentences and quotations. The costly part (wink-nlp), so a second
 * analysis of the same text with more names (a story's) reuses it.
 */
export interface TextReading {
  text: string;
  paragraphs: TextBlock[];
  tokens: ReturnType<typeof tokenize>['tokens'];
  rawSentences: Span[];
  numbers: ReturnType<typeof tokenize>['numbers'];
  quotations: ReturnType<typeof findQuotations>;
  sentences: Span[];
}

export function readText(text: string): TextReading {
  const { tokens, sentences: rawSentences, numbers } = tokenize(text);
  const quotations = findQuotations(text);
  return { text, paragraphs: blocksOf(text), tokens, rawSentences, numbers, quotations, sentences: sentenceUnits(text, rawSentences, quotations) };
}

/** Analyses a text, or a reading of it already made (`readText`). */
export function analyseArticle(source: string | TextReading, options: AnalyseOptions = {}): ArticleAnalysis {
  const { text, paragraphs, tokens, rawSentences, numbers, quotations, sentences } = typeof source === 'string' ? readText(source) : source;
  const index = findEntities(text, tokens, {
    skipSpans: paragraphs.filter((p, i) => p.kind === 'HEADING' || isBoilerplate(p.text) || (i === 0 && isTitleCase(p.text))),
    sentenceStarts: new Set(rawSentences.map((s) => s.start)),
    knownPeople: options.knownPeople,
    headline: headlineLine(text) ? paragraphs[0] : undefined,
  });
  const quotes = attributeQuotes(text, tokens, index, quotations, sentences);
  return {
    text,
    paragraphs,
    sentences,
    entities: index.entities,
    index,
    quotes,
    figures: findFigures(text, numbers, sentences, quotations),
    claims: findClaims(text, sentences, index, quotes),
    opinions: findOpinions(text, paragraphs, sentences, quotations),
    inferredOutlet: inferOutlet(text, index),
  };
}
