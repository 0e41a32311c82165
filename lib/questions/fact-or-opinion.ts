// FACT_OR_OPINION — is this sentence reporting or the author's opinion?
// Three answers teach the difference between a fact the article states,
// someone else's words it reports, and the author's own view. Only clear
// cases are asked: opinion sections and first-person views, quotations with
// a named speaker, and plain factual sentences with a figure or a name.
import type { Span } from '../analysis/tokenize.ts';
import { isBoilerplate } from '../analysis/boilerplate.ts';
import { hashOf } from './choices.ts';
import { evidenceOf } from './evidence.ts';
import type { ArticleForQuestions, Question } from './question.ts';

export const FACT = 'Reporting: a fact stated in the article’s own voice';
export const ATTRIBUTED = 'Reporting: someone else’s words, quoted or attributed';
export const OPINION = 'The author’s own opinion';
const CHOICES = [FACT, ATTRIBUTED, OPINION];

const MAX_SENTENCE = 320;
const MIN_WORDS = 8;
// Words that make a sentence an evaluation or a hedge rather than a plain statement of fact.
const EVALUATIVE = /\b(?:should|must|ought|could|might|may|perhaps|probably|likely|seems?|appears?|clearly|obviously|surely|unfortunately|fortunately|sadly|remarkabl[ey]|stunning|shocking|disgraceful|brilliant|terrible|wonderful|best|worst|deserves?|needs? to|I|we|our|my|us)\b/i;
const ATTRIBUTION = /\b(?:said|says|told|tells|according to|reported|reports|citing|claimed|claims|announced|stated|wrote|posted|argued|insisted|denied|confirmed|testified|found|finds|warned|warns|revealed|alleged|alleges|concluded|showed|shows|estimated|estimates|predicted|predicts|quoted|words of|believes|believed|expects|expected|accused|described|called)\b/i;
// Photo captions: "Rosa Delgado, left, speaks …", "Photo caption: …".
const CAPTION = /\b(?:left|right|center|centre|pictured|foreground|background)\b,|^(?:photo|caption|image)\b/i;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function factOrOpinionQuestions(article: ArticleForQuestions): Question[] {
  const { analysis } = article;
  const { text } = analysis;
  const questions: Question[] = [];
  const make = (span: Span, answer: string, explanation: string) => {
    const sentence = text.slice(span.start, span.end).trim();
    const key = hashOf('FACT_OR_OPINION', article.key, String(span.start));
    questions.push({
      key,
      type: 'FACT_OR_OPINION',
      prompt: `Is this sentence reporting or the author’s opinion? “${sentence}”`,
      choices: CHOICES,
      answer,
      quote: null,
      explanation,
      evidence: evidenceOf(article, span),
    });
  };
  const fits = (span: Span) => {
    const sentence = text.slice(span.start, span.end);
    return sentence.length <= MAX_SENTENCE && words(sentence) >= MIN_WORDS && !isBoilerplate(sentence);
  };

  const opinions = analysis.opinions.filter(fits).slice(0, 2);
  for (const opinion of opinions) {
    make(
      opinion,
      OPINION,
      opinion.heading
        ? `It comes from the section headed “${opinion.heading}”, where the author gives their own view rather than reporting.`
        : 'The author speaks in the first person to give their own view; nothing in it is attributed to anyone else.',
    );
  }
  const quoted = analysis.quotes.find((q) => q.speaker?.kind === 'PERSON' && q.via === 'sentence' && q.kind === 'direct' && fits(q.sentence));
  if (quoted) make(quoted.sentence, ATTRIBUTED, `It reports the words of ${quoted.speaker!.name}, in quotation marks, not the author’s own view.`);

  const inOpinion = (span: Span) => analysis.opinions.some((o) => o.start <= span.start && span.end <= o.end);
  const inQuote = (span: Span) => analysis.quotes.some((q) => q.outerStart < span.end && q.outerEnd > span.start);
  const headings = analysis.paragraphs.filter((p) => p.kind === 'HEADING');
  // The first line may be the headline: never a fact question.
  const firstParagraphEnd = analysis.paragraphs[0]?.end ?? 0;
  const fact = analysis.sentences.find((span) => {
    const sentence = text.slice(span.start, span.end);
    if (!fits(span) || inOpinion(span) || inQuote(span) || span.start < firstParagraphEnd || CAPTION.test(sentence)) return false;
    if (headings.some((h) => h.start === span.start) || EVALUATIVE.test(sentence) || ATTRIBUTION.test(sentence)) return false;
    const hasFigure = analysis.figures.some((f) => f.start >= span.start && f.end <= span.end);
    const hasName = analysis.index.mentions.some((m) => m.start >= span.start && m.end <= span.end);
    return hasFigure || hasName;
  });
  if (fact) make(fact, FACT, 'It states something checkable in the article’s own voice, with no opinion words and no one quoted.');
  return questions;
}
