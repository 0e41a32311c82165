// An answer as the API shows it: the outcome, the key and its evidence —
// built only for questions the player has answered (or let time out on).
import type { Game, Question } from '../db/generated/client.ts';

export interface EvidenceView {
  sentence: string;
  start: number;
  end: number;
  articleId: string;
}

export interface AnswerView {
  game: Game;
  question: Question;
  correct: boolean;
  late: boolean;
  chosenIndex: number | null;
  points: number;
  /** The game's score and streak right after this answer. */
  score: number;
  streak: number;
}

export function evidenceOf(question: Question): EvidenceView {
  return { sentence: question.evidenceText, start: question.evidenceStart, end: question.evidenceEnd, articleId: question.articleId };
}
