// What of a stored question may be shown before it is answered: the prompt
// and the choices with ids — never the answer, the explanation or the
// evidence, which give the answer away.
import type { PrismaClient } from '../db/prisma.ts';
import type { Question } from '../db/generated/client.ts';

/** A question as the API shows it; `served` is set when a game serves it. */
export type QuestionView = Question & { served?: { number: number; timeLimitSeconds: number; timeRemainingMs: number } };

export interface PublicChoice {
  /** "<question id>:<index>": stable, and unique across questions. */
  id: string;
  text: string;
}

export function publicChoices(question: { id: string; choices: string[] }): PublicChoice[] {
  return question.choices.map((text, index) => ({ id: `${question.id}:${index}`, text }));
}

export function listArticleQuestions(prisma: PrismaClient, articleId: string) {
  return prisma.question.findMany({ where: { articleId, retiredAt: null }, orderBy: [{ evidenceStart: 'asc' }, { type: 'asc' }] });
}
