// What a generated question is. Every question carries its answer key and the
// exact evidence from the article that proves it.
import type { ArticleAnalysis } from '../analysis/analyse-article.ts';

export const QUESTION_TYPES = ['WHO_SAID', 'WHO_CALLED', 'WHAT_SAID', 'SOURCE', 'FACT_OR_OPINION', 'NUMBER', 'QUOTE_MATCH'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Evidence {
  /** Key of the article the evidence is in (its id or file). */
  article: string;
  /** The exact text of the evidence: `article.slice(start, end)`. */
  sentence: string;
  start: number;
  end: number;
}

export interface Question {
  /** Stable identity: the same article text always gives the same key. */
  key: string;
  type: QuestionType;
  prompt: string;
  /** 3 or 4 distinct choices, in a fixed order. */
  choices: string[];
  /** One of `choices`. */
  answer: string;
  /** The quoted words the question is about (WHO_SAID, WHO_CALLED, WHAT_SAID, QUOTE_MATCH). */
  quote: string | null;
  explanation: string;
  evidence: Evidence;
}

export interface ArticleForQuestions {
  key: string;
  title: string;
  outlet: string | null;
  analysis: ArticleAnalysis;
}
