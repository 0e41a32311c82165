// SOURCE — on whose word does a claim rest? Which outlet reported it, and
// whom the report or the article cites ("a U.S. official familiar with the
// matter"). Distractors are of the same kind: outlets for outlets, sources
// for sources.
import { hashOf, orderChoices, pickDistractors } from './choices.ts';
import { evidenceOf } from './evidence.ts';
import { outletPool, sourcePool } from './pools.ts';
import type { ArticleForQuestions, Question } from './question.ts';

const MAX_CLAIM = 220;

/** The claim as it reads inside a question: "that President Trump opposed …". */
function claimClause(claim: string): string {
  const trimmed = claim.replace(/[\s,;:.]+$/, '');
  // Lower-case an ordinary first word ("The president" → "the president"), never a name.
  return /^(?:The|A|An|It|This|That|These|Those|Its|Their|His|Her|Some|Many|Most|Several|Officials|Israeli officials)\b/.test(trimmed)
    ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1)
    : trimmed;
}

/** A source phrase as a choice: "a U.S. official familiar with the matter". */
function asChoice(source: string): string {
  return source.replace(/[\s,;:.]+$/, '').replace(/^The\b/, 'the');
}

export function sourceQuestions(article: ArticleForQuestions, story: ArticleForQuestions[]): Question[] {
  const questions: Question[] = [];
  for (const claim of article.analysis.claims) {
    if (claim.claim.length > MAX_CLAIM) continue;
    const clause = claimClause(claim.claim);
    const evidence = evidenceOf(article, claim.sentence);
    if (claim.outlet) {
      const distractors = pickDistractors(claim.outlet.name, outletPool(article, story), 3);
      if (distractors.length >= 2) {
        const key = hashOf('SOURCE', article.key, String(claim.sentence.start), 'outlet');
        questions.push({
          key,
          type: 'SOURCE',
          prompt: `Which news organisation reported that ${clause}?`,
          choices: orderChoices(key, [claim.outlet.name, ...distractors]),
          answer: claim.outlet.name,
          quote: null,
          explanation: `The article credits the report to ${claim.outlet.name}${claim.source ? `, which cited ${asChoice(claim.source)}` : ''}; it does not claim this on its own authority.`,
          evidence,
        });
      }
    }
    if (claim.source) {
      const answer = asChoice(claim.source);
      const distractors = pickDistractors(answer, sourcePool(article, story).map(asChoice), 3);
      if (distractors.length >= 2) {
        const key = hashOf('SOURCE', article.key, String(claim.sentence.start), 'source');
        const reporter = claim.outlet ? `${claim.outlet.name}'s report` : 'the claim';
        questions.push({
          key,
          type: 'SOURCE',
          prompt: `On whose word does ${reporter} that ${clause} rest?`,
          choices: orderChoices(key, [answer, ...distractors]),
          answer,
          quote: null,
          explanation: `The evidence sentence rests the claim on ${answer}; a reader cannot check it further from the article alone.`,
          evidence,
        });
      }
    }
  }
  return questions;
}
