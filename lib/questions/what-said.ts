// WHAT_SAID — which of these did <person> say? One real quotation of theirs
// against quotations of other people in the same article or story.
import { firstSentenceOf, hashOf, orderChoices, pickDistractors } from './choices.ts';
import { quoteEvidence } from './evidence.ts';
import { attributedQuotes } from './pools.ts';
import type { ArticleForQuestions, Question } from './question.ts';
import type { AttributedQuote } from '../analysis/attribute-quotes.ts';
import { wordCount } from '../analysis/lexicon.ts';

const MAX_CHOICE = 160;

/** Choices of alike shape: each the first sentence of its quotation. */
const firstSentence = (text: string) => firstSentenceOf(text, MAX_CHOICE);
/** A choice with an unclosed inner quotation reads as a fragment. */
const balanced = (text: string) => (text.match(/[‘“]/g)?.length ?? 0) === (text.match(/[”]|’(?![\p{L}])/gu)?.length ?? 0);

/** Other people's quotations as choices, nearest first; made as they are taken (a story may quote hundreds). */
function* othersSaid(quotes: AttributedQuote[], name: string): Generator<string> {
  for (const quote of quotes) {
    if (quote.speaker!.name === name) continue;
    const choice = firstSentence(quote.text);
    if (balanced(choice)) yield choice;
  }
}

export function whatSaidQuestions(article: ArticleForQuestions, story: ArticleForQuestions[]): Question[] {
  const questions: Question[] = [];
  const own = attributedQuotes(article).filter((q) => q.kind === 'direct' && wordCount(q.text) >= 5);
  const everyone = [article, ...story.filter((a) => a !== article)].flatMap((a) => attributedQuotes(a).filter((q) => q.kind === 'direct'));
  const seen = new Set<string>();
  for (const quote of own) {
    const name = quote.speaker!.name;
    if (seen.has(name)) continue;
    seen.add(name);
    const answer = firstSentence(quote.text);
    if (!balanced(answer)) continue;
    const distractors = pickDistractors(answer, othersSaid(everyone, name), 3);
    if (distractors.length < 2) continue;
    // The key (and so the choice order) must not depend on which choice is right.
    const key = hashOf('WHAT_SAID', article.key, name, String(quote.start));
    questions.push({
      key,
      type: 'WHAT_SAID',
      prompt: `Which of these did ${name} say, according to the article?`,
      choices: orderChoices(key, [answer, ...distractors]),
      answer,
      quote: answer,
      explanation: `${name} said these words; the other choices are quotations of other people in the same story.`,
      evidence: quoteEvidence(article, quote),
    });
  }
  return questions;
}
