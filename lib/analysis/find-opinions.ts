// Passages that give the author's own view rather than report: the paragraphs
// of a section headed as opinion ("What The Author Thinks", "Our view",
// "Analysis") and first-person evaluative sentences outside quotations.
import type { TextBlock } from '../articles/article-text.ts';
import type { Quotation } from './find-quotations.ts';
import type { Span } from './tokenize.ts';
import { isBoilerplate } from './boilerplate.ts';

export interface OpinionPassage extends Span {
  reason: 'SECTION' | 'FIRST_PERSON';
  /** The heading of the opinion section, for SECTION passages. */
  heading: string | null;
}

// Headings that announce the author's own view (not "Analysis", which may report facts).
const OPINION_HEADING = /^(?:what (?:the|this) (?:author|writer|editor|columnist)s? thinks?|(?:our|my|the author['’]s|the editor['’]s) (?:view|take|opinion|verdict)|opinion|commentary|editorial|in my view|the author['’]s view|my verdict|our verdict)$/i;
const FIRST_PERSON_VIEW = /\b(?:I|we)\s+(?:(?:do|would|still|also|really|firmly|honestly|genuinely)\s+)?(?:think|believe|argue|suspect|fear|feel|doubt|hope|contend|maintain|worry|wonder|suggest)\b|\bin (?:my|our) (?:view|opinion|judgment|judgement)\b|\b(?:my|our) (?:view|opinion|take) is\b|\bto (?:me|my mind)\b|\bI(?:'|’)m (?:convinced|persuaded|not convinced)\b/i;

export function findOpinions(text: string, blocks: TextBlock[], sentences: Span[], quotations: Quotation[]): OpinionPassage[] {
  const passages: OpinionPassage[] = [];
  let heading: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'HEADING') {
      heading = OPINION_HEADING.test(block.text.trim()) ? block.text.trim() : null;
      continue;
    }
    if (!heading) continue;
    // A credit line or a "follow us" prompt ends the section: it is the page, not the author.
    if (isBoilerplate(block.text)) {
      heading = null;
      continue;
    }
    for (const sentence of sentences) {
      if (sentence.start < block.start || sentence.end > block.end) continue;
      passages.push({ ...sentence, reason: 'SECTION', heading });
    }
  }
  const quoted = (s: Span) => quotations.some((q) => q.outerStart < s.end && q.outerEnd > s.start);
  for (const sentence of sentences) {
    if (passages.some((p) => p.start === sentence.start)) continue;
    const words = text.slice(sentence.start, sentence.end);
    if (!quoted(sentence) && FIRST_PERSON_VIEW.test(words)) passages.push({ ...sentence, reason: 'FIRST_PERSON', heading: null });
  }
  return passages.sort((a, b) => a.start - b.start);
}
