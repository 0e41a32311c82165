// WHO_CALLED — who called the reports "fake"? For scare quotes and short
// partial quotes with a named speaker. The prompt keeps the article's own
// words from the verb to the quotation: "Who dismissed reports of the plan,
// calling them “fake”?"
import type { AttributedQuote } from '../analysis/attribute-quotes.ts';
import { pickDistractors } from './choices.ts';
import { hasConfirmedSpeaker, peoplePool } from './pools.ts';
import type { ArticleForQuestions, Question } from './question.ts';
import { speakerQuestion } from './who-said.ts';
import { wordCount } from '../analysis/lexicon.ts';

const MAX_PARTIAL_WORDS = 6;
const MAX_PREDICATE = 170;

const cleanWords = (text: string) => text.trim().replace(/[\s,;:.—–-]+$/, '');

/** The words from the speaker's verb up to the quotation, when the speaker is the clause's subject. */
function predicate(article: ArticleForQuestions, quote: AttributedQuote): string | null {
  const { text } = article.analysis;
  if (!quote.subject || quote.subject.end > quote.outerStart || quote.subject.start < quote.sentence.start) return null;
  let from = quote.subject.end;
  // Past an appositive or relative clause: "Andrea Pohl, who voted against it, called …".
  if (text.slice(from).trimStart().startsWith(',')) {
    const close = text.indexOf(',', text.indexOf(',', from) + 1);
    if (close === -1 || close > quote.outerStart) return null;
    from = close + 1;
  }
  const words = text.slice(from, quote.outerStart).replace(/\s+/g, ' ').trim();
  if (!words || !/^[a-z]/.test(words) || /[“”"‘]/.test(words) || words.length > MAX_PREDICATE) return null;
  return words;
}

export function whoCalledQuestions(article: ArticleForQuestions, story: ArticleForQuestions[]): Question[] {
  const questions: Question[] = [];
  const asked = new Set<string>();
  for (const quote of article.analysis.quotes) {
    const speaker = quote.speaker;
    if (!speaker || !hasConfirmedSpeaker(article, quote) || quote.via !== 'sentence') continue;
    const words = cleanWords(quote.text);
    const short = quote.kind === 'scare' || (quote.kind === 'partial' && wordCount(words) <= MAX_PARTIAL_WORDS);
    if (!short || !words || asked.has(words.toLowerCase())) continue;
    const distractors = pickDistractors(speaker.name, peoplePool(article, story), 3, { names: true });
    if (distractors.length < 2) continue;
    asked.add(words.toLowerCase());
    const lead = predicate(article, quote);
    const prompt = lead ? `Who ${lead} “${words}”?` : `Who used the words “${words}”, according to the article?`;
    questions.push(speakerQuestion('WHO_CALLED', article, quote, words, prompt, distractors));
  }
  return questions;
}
