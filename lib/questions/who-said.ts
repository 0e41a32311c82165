// WHO_SAID — who said "<quote>"? For quotations of a sentence or more, and
// partial quotes of more than six words, whose speaker is a named person.
import type { AttributedQuote } from '../analysis/attribute-quotes.ts';
import { hashOf, orderChoices, pickDistractors, quoteExcerpt } from './choices.ts';
import { quoteEvidence } from './evidence.ts';
import { hasConfirmedSpeaker, peoplePool } from './pools.ts';
import type { ArticleForQuestions, Question } from './question.ts';
import { wordCount } from '../analysis/lexicon.ts';


export function attributionNote(speaker: string, cue: string | null, via: string | null): string {
  if (via === 'continued') return `These words continue a quotation the article attributes to ${speaker}.`;
  return `The article attributes these words to ${speaker}${cue ? `; the attribution reads “${cue}”` : ''}.`;
}

/** A question whose answer is the quotation's speaker (WHO_SAID, WHO_CALLED). */
export function speakerQuestion(
  type: 'WHO_SAID' | 'WHO_CALLED',
  article: ArticleForQuestions,
  quote: AttributedQuote,
  words: string,
  prompt: string,
  distractors: string[],
): Question {
  const speaker = quote.speaker!.name;
  const key = hashOf(type, article.key, String(quote.start), words);
  return {
    key,
    type,
    prompt,
    choices: orderChoices(key, [speaker, ...distractors]),
    answer: speaker,
    quote: words,
    explanation: attributionNote(speaker, quote.cue, quote.via),
    evidence: quoteEvidence(article, quote),
  };
}

export function whoSaidQuestions(article: ArticleForQuestions, story: ArticleForQuestions[]): Question[] {
  const questions: Question[] = [];
  const asked = new Set<string>();
  for (const quote of article.analysis.quotes) {
    const speaker = quote.speaker;
    if (!speaker || !hasConfirmedSpeaker(article, quote) || quote.via === 'repeated' || quote.kind === 'scare') continue;
    // Short partial quotes are WHO_CALLED questions; asking both would give one away.
    if (quote.kind === 'partial' && wordCount(quote.text) <= 6) continue;
    const excerpt = quoteExcerpt(quote.text);
    if (wordCount(excerpt) < 3 || asked.has(excerpt)) continue;
    const distractors = pickDistractors(speaker.name, peoplePool(article, story), 3, { names: true });
    if (distractors.length < 2) continue;
    asked.add(excerpt);
    questions.push(speakerQuestion('WHO_SAID', article, quote, excerpt, `Who said “${excerpt}”?`, distractors));
  }
  return questions;
}
