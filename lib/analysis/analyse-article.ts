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

export function analyseArticle(text: string, options: AnalyseOptions = {}): ArticleAnalysis {
  const paragraphs = blocksOf(text);
  const { tokens, sentences: rawSentences, numbers } = tokenize(text);
  const quotations = findQuotations(text);
  const sentences = sentenceUnits(text, rawSentences, quotations);
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
