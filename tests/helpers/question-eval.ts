// Scores generated WHO_SAID / WHO_CALLED questions against the hand-checked
// keys: answer keys right (precision) and quotations turned into questions
// (coverage), as issue 3's acceptance measures them.
import { buildQuestions } from '../../lib/questions/build-questions.ts';
import type { Question } from '../../lib/questions/question.ts';
import type { Fixture } from './attribution-eval.ts';

const normal = (value: string) =>
  value.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}' ]/gu, ' ').replace(/\s+/g, ' ').trim();

export interface QuestionScore {
  asked: number;
  correct: number;
  wrong: { slug: string; quote: string; answer: string; expected: string | null }[];
  eligible: number;
  covered: number;
}

export function questionsFor(fixture: Fixture): Question[] {
  const built = buildQuestions([{ key: fixture.slug, title: fixture.slug, outlet: null, text: fixture.text }]);
  return built.articles[0]!.questions;
}

export function scoreQuestions(fixtures: Fixture[]): QuestionScore {
  const score: QuestionScore = { asked: 0, correct: 0, wrong: [], eligible: 0, covered: 0 };
  for (const fixture of fixtures) {
    const questions = questionsFor(fixture).filter((q) => q.type === 'WHO_SAID' || q.type === 'WHO_CALLED');
    const people = new Set(fixture.expected.people.map((p) => normal(p.name)));
    for (const question of questions) {
      const asked = normal(question.quote!);
      // The keyed quotation this question is about: the longest one overlapping it.
      const match = fixture.expected.quotes
        .filter((q) => normal(q.text).includes(asked) || asked.includes(normal(q.text)))
        .sort((a, b) => normal(b.text).length - normal(a.text).length)[0];
      score.asked += 1;
      if (match && match.speaker && normal(match.speaker) === normal(question.answer)) score.correct += 1;
      else score.wrong.push({ slug: fixture.slug, quote: question.quote!, answer: question.answer, expected: match?.speaker ?? null });
    }
    for (const expected of fixture.expected.quotes) {
      if (expected.kind === 'scare' || !expected.speaker || !people.has(normal(expected.speaker))) continue;
      score.eligible += 1;
      const text = normal(expected.text);
      if (questions.some((q) => text.includes(normal(q.quote!)) || normal(q.quote!).includes(text))) score.covered += 1;
    }
  }
  return score;
}
