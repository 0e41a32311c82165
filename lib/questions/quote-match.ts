// QUOTE_MATCH — across articles on the same story: which outlet printed which
// wording of the same remark. Two quotations by the same person, alike but
// not the same, in two articles; the question asks which wording one of them
// printed. The other choices are that wording from the other article and
// other things the person said there, so every wrong choice is real, and none
// of them appears in the asked-about article.
import type { AttributedQuote } from '../analysis/attribute-quotes.ts';
import { hashOf, normaliseChoice, orderChoices, pickDistractors, quoteExcerpt } from './choices.ts';
import { quoteEvidence } from './evidence.ts';
import { articleLabel, attributedQuotes } from './pools.ts';
import type { ArticleForQuestions, Question } from './question.ts';

const MIN_SIMILARITY = 0.35;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function wordSet(text: string): Set<string> {
  return new Set(normaliseChoice(text).split(' ').filter((w) => w.length > 1));
}

export function similarity(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared || 1);
}

function sameRemark(a: AttributedQuote, b: AttributedQuote): boolean {
  return a.speaker!.name === b.speaker!.name && normaliseChoice(a.text) !== normaliseChoice(b.text) && similarity(a.text, b.text) >= MIN_SIMILARITY;
}

export function quoteMatchQuestions(story: ArticleForQuestions[]): Question[] {
  const questions: Question[] = [];
  for (const a of story) {
    for (const b of story) {
      if (a === b) continue;
      for (const qa of attributedQuotes(a).filter((q) => q.kind === 'direct')) {
        const qb = attributedQuotes(b).find((q) => q.kind === 'direct' && sameRemark(qa, q));
        if (!qb) continue;
        const answer = quoteExcerpt(qa.text);
        const inA = attributedQuotes(a).map((q) => normaliseChoice(q.text));
        // Other words of the same person that only the other article printed.
        const otherWords = attributedQuotes(b)
          .filter((q) => q !== qb && q.speaker!.name === qa.speaker!.name && !inA.some((t) => t.includes(normaliseChoice(q.text)) || normaliseChoice(q.text).includes(t)))
          .map((q) => quoteExcerpt(q.text));
        const distractors = pickDistractors(answer, [quoteExcerpt(qb.text), ...otherWords], 3);
        if (distractors.length < 2) continue;
        const key = hashOf('QUOTE_MATCH', a.key, b.key, String(qa.start));
        questions.push({
          key,
          type: 'QUOTE_MATCH',
          prompt: `Two articles on this story quote ${qa.speaker!.name} on the same remark, in different words. Which wording did ${articleLabel(a)} print?`,
          choices: orderChoices(key, [answer, ...distractors]),
          answer,
          quote: answer,
          explanation: `${capitalise(articleLabel(a))} printed “${answer}”; ${articleLabel(b)} printed “${quoteExcerpt(qb.text)}”. Quotations of the same remark can differ between outlets — check the wording against the source.`,
          evidence: quoteEvidence(a, qa),
        });
        break;
      }
    }
  }
  return questions;
}
