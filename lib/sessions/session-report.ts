// The teacher's report of a session: for every question played, how many of
// the class got it right and how they answered; for every student, their
// score, correct answers and each answer. Kept as long as the session is
// (read with the host token), and exported as CSV for a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { PrismaClient } from '../db/prisma.ts';
import type { ClassSession, Question } from '../db/generated/client.ts';
import { sessionAsHost } from './host-session.ts';

export interface ReportQuestion {
  number: number;
  question: Question;
  /** Students (not removed) who answered right and in time. */
  correctCount: number;
  /** Students (not removed) who answered at all. */
  answerCount: number;
  /** correctCount out of the students (not removed) who had joined when it opened (no answer counts as not correct), 0–100. */
  percentCorrect: number;
  /** Answers per choice, in the order of the choices. */
  distribution: number[];
}

export interface ReportAnswer {
  questionNumber: number;
  question: Question;
  /** null when the student did not answer. */
  choiceIndex: number | null;
  correct: boolean;
  points: number;
  responseMs: number | null;
}

export interface ReportStudent {
  id: string;
  nickname: string;
  rank: number;
  score: number;
  correctCount: number;
  removed: boolean;
  answers: ReportAnswer[];
}

export interface SessionReportView {
  session: ClassSession;
  quizTitle: string;
  questions: ReportQuestion[];
  students: ReportStudent[];
}

export async function sessionReport(prisma: PrismaClient, input: { sessionId: string; hostToken: string }): Promise<SessionReportView> {
  const session = await sessionAsHost(prisma, input.sessionId, input.hostToken);
  // Played: every question up to the current one (-1 in the lobby), the current one only once closed
  // (its answers are not settled before); a session ended early stops there.
  const played = session.currentIndex + (session.state === 'QUESTION_OPEN' ? 0 : 1);
  const questionIds = session.questionIds.slice(0, played);
  const [quiz, questionRows, players, answers, openings] = await Promise.all([
    prisma.quiz.findUniqueOrThrow({ where: { id: session.quizId }, select: { title: true } }),
    prisma.question.findMany({ where: { id: { in: questionIds } } }),
    prisma.sessionPlayer.findMany({ where: { sessionId: session.id }, orderBy: [{ score: 'desc' }, { joinedAt: 'asc' }, { id: 'asc' }] }),
    prisma.sessionAnswer.findMany({ where: { sessionId: session.id } }),
    prisma.sessionEvent.findMany({ where: { sessionId: session.id, toState: 'QUESTION_OPEN' }, select: { index: true, at: true } }),
  ]);
  const byId = new Map(questionRows.map((q) => [q.id, q]));
  const questions = questionIds.map((id) => byId.get(id)!).filter(Boolean);
  const openedAt = new Map(openings.map((e) => [e.index, e.at]));
  const answerOf = new Map(answers.map((a) => [`${a.playerId} ${a.questionId}`, a]));

  const reportQuestions: ReportQuestion[] = questions.map((question, i) => {
    // The class of a question: students (not removed) who had joined when it opened, or who answered it.
    const opened = openedAt.get(i);
    const inClass = new Set(
      players.filter((p) => !p.removedAt && ((opened && p.joinedAt <= opened) || answerOf.has(`${p.id} ${question.id}`))).map((p) => p.id),
    );
    const counted = answers.filter((a) => a.questionId === question.id && inClass.has(a.playerId));
    const correctCount = counted.filter((a) => a.correct).length;
    return {
      number: i + 1,
      question,
      correctCount,
      answerCount: counted.length,
      percentCorrect: inClass.size === 0 ? 0 : Math.round((correctCount / inClass.size) * 1000) / 10,
      distribution: question.choices.map((_, index) => counted.filter((a) => a.choiceIndex === index).length),
    };
  });

  let rank = 0;
  const students: ReportStudent[] = players.map((player) => ({
    id: player.id,
    nickname: player.nickname,
    rank: player.removedAt ? 0 : ++rank,
    score: player.score,
    correctCount: player.correctCount,
    removed: player.removedAt !== null,
    answers: questions.map((question, i) => {
      const answer = answerOf.get(`${player.id} ${question.id}`);
      return {
        questionNumber: i + 1,
        question,
        choiceIndex: answer?.choiceIndex ?? null,
        correct: answer?.correct ?? false,
        points: answer?.points ?? 0,
        responseMs: answer?.responseMs ?? null,
      };
    }),
  }));
  return { session, quizTitle: quiz.title, questions: reportQuestions, students };
}

/**
 * The report as CSV: one row per student (rank, nickname, score, correct
 * answers, then each question's answer, whether it was right, and its points),
 * and a last row with the class's percent correct per question.
 */
export function reportCsv(report: SessionReportView): string {
  const header = ['Rank', 'Nickname', 'Score', 'Correct answers', 'Removed'];
  for (const q of report.questions) header.push(`Q${q.number} answer`, `Q${q.number} correct`, `Q${q.number} points`);
  const rows: (string | number)[][] = report.students.map((student) => [
    student.removed ? '' : student.rank,
    student.nickname,
    student.score,
    student.correctCount,
    student.removed ? 'yes' : 'no',
    ...student.answers.flatMap((a) => [a.choiceIndex === null ? '' : a.question.choices[a.choiceIndex]!, a.choiceIndex === null ? 'no answer' : a.correct ? 'yes' : 'no', a.points]),
  ]);
  const classRow: (string | number)[] = ['', 'Class: percent correct', '', '', ''];
  for (const q of report.questions) classRow.push('', `${q.percentCorrect}%`, '');
  const questionRows = report.questions.map((q) => ['', `Q${q.number}: ${q.question.prompt}`, '', '', '', `Answer: ${q.question.choices[q.question.answerIndex]}`, `Evidence: ${q.question.evidenceText}`]);
  // Formula-looking cells are escaped so a nickname cannot run in a spreadsheet.
  // A byte-order mark, so spreadsheets read the file as UTF-8 (curly quotes, accented names).
  return stringify([header, ...rows, classRow, ...questionRows], { bom: true, cast: { string: escapeFormula } });
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe; plain numbers like -3% or +5 stay as they are. */
function escapeFormula(value: string): string {
  if (/^[+-]?\d[\d.,]*%?$/.test(value.trim())) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
