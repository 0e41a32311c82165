// The evidence for a question: exact text of the article, with its offsets.
import type { AttributedQuote } from '../analysis/attribute-quotes.ts';
import type { Span } from '../analysis/tokenize.ts';
import type { ArticleForQuestions, Evidence } from './question.ts';

export function evidenceOf(article: ArticleForQuestions, span: Span): Evidence {
  return { article: article.key, sentence: article.analysis.text.slice(span.start, span.end), start: span.start, end: span.end };
}

/** A quotation's sentence together with the sentence that names its speaker, when that is another one. */
export function quoteEvidence(article: ArticleForQuestions, quote: AttributedQuote): Evidence {
  const attribution = quote.attribution ?? quote.sentence;
  return evidenceOf(article, {
    start: Math.min(attribution.start, quote.sentence.start),
    end: Math.max(attribution.end, quote.sentence.end),
  });
}
