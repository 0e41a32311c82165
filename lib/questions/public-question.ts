// What of a stored question may be shown before it is answered: the prompt
// and the choices with ids — never the answer, the explanation or the
// evidence, which give the answer away.
import type { PrismaClient } from '../db/prisma.ts';
import type { Question } from '../db/generated/client.ts';
import { DomainError } from '../domain-error.ts';

/** A question as the API shows it; `served` is set when a game serves it. */
export type QuestionView = Question & { served?: { number: number; timeLimitSeconds: number; timeRemainingMs: number } };

export interface PublicChoice {
  /** "<question id>:<index>": stable, and unique across questions. */
  id: string;
  text: string;
}

/** A choice's public id: "<question id>:<index>". */
export function choiceId(questionId: string, index: number): string {
  return `${questionId}:${index}`;
}

export function publicChoices(question: { id: string; choices: string[] }): PublicChoice[] {
  return question.choices.map((text, index) => ({ id: choiceId(question.id, index), text }));
}

/** Parses a choice id for this question; BAD_USER_INPUT when it is not one of its choices. */
export function choiceIndexOf(question: { id: string; choices: string[] }, id: string): number {
  const match = /^(.+):(\d+)$/.exec(id);
  const index = match ? Number(match[2]) : NaN;
  if (!match || match[1] !== question.id || !(index >= 0 && index < question.choices.length)) {
    throw new DomainError('BAD_USER_INPUT', `Choice ${id} is not one of this question's choices`);
  }
  return index;
}

export function listArticleQuestions(prisma: PrismaClient, articleId: string) {
  return prisma.question.findMany({ where: { articleId, retiredAt: null }, orderBy: [{ evidenceStart: 'asc' }, { type: 'asc' }] });
}
