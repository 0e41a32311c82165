// An answer as the API shows it: the outcome, the key and its evidence —
// built only for questions the player has answered (or let time out on).
import type { Question } from '../db/generated/client.ts';
import type { AnswerOutcome } from './play.ts';

export interface EvidenceView {
  sentence: string;
  start: number;
  end: number;
  articleId: string;
}

export interface AnswerView extends Omit<AnswerOutcome, 'responseMs'> {
  /** The game's score and streak right after this answer. */
  score: number;
  streak: number;
}

export function evidenceOf(question: Question): EvidenceView {
  return { sentence: question.evidenceText, start: question.evidenceStart, end: question.evidenceEnd, articleId: question.articleId };
}
